"""The replica sites, one module per portal; ``SITES`` maps the spider key to the class."""

from __future__ import annotations

from tests.replica.sites.backan import BacKan
from tests.replica.sites.baobackan import BaoBacKan
from tests.replica.sites.baothainguyen import BaoThaiNguyen
from tests.replica.sites.base import Page, ReplicaSite, Served
from tests.replica.sites.cokhivietnam import CoKhiVietNam
from tests.replica.sites.congthuong import CongThuong
from tests.replica.sites.congthuongthainguyen import CongThuongThaiNguyen
from tests.replica.sites.tapchicongthuong import TapChiCongThuong
from tests.replica.sites.thainguyen import ThaiNguyen

SITES: dict[str, type[ReplicaSite]] = {
    cls.key: cls
    for cls in (
        BacKan,
        BaoBacKan,
        BaoThaiNguyen,
        CoKhiVietNam,
        CongThuong,
        CongThuongThaiNguyen,
        TapChiCongThuong,
        ThaiNguyen,
    )
}

__all__ = ["SITES", "Page", "ReplicaSite", "Served"]
