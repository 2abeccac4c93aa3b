"""Legacy Vietnamese 8-bit encodings, as data: TCVN3 (TCVN 5712), VISCII and VNI Windows.

Pages and documents from before Unicode (and some provincial offices long after) were written in
these font encodings; Python's codecs know only windows-1258. The tables were generated from
glibc's iconv converters (TCVN5712-1 and VISCII, ``iconv -f ... -t UTF-8`` byte by byte) and
checked against the charset tables of the Bamboo input method (bamboo-core, ``charset_def.go``),
which also gave the VNI sequences (VNI has no iconv converter). Regenerate, never hand-edit.

- TCVN3: ASCII below 0x80; :data:`TCVN3_HIGH` gives bytes 0x80-0xFF. The lowercase letters are
  TCVN 5712 VN3 (the ".Vn" fonts); 0x80-0x9F and 0xB0-0xB4 (uppercase, combining tone marks) are
  VN1's, which a VN3 text never uses.
- VISCII: :data:`VISCII_HIGH` for 0x80-0xFF and six letters in the C0 controls
  (:data:`VISCII_LOW`).
- VNI Windows: a letter is an ASCII base letter followed by one or two mark bytes, read here as
  the Latin-1 characters they are (:data:`VNI_SEQUENCES`, longest match first when decoding).
"""

from __future__ import annotations

TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)

VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)

VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# Latin-1 text of the bytes -> the letter they write
VNI_SEQUENCES = {
    "aà": "ầ",
    "aá": "ấ",
    "aâ": "â",
    "aã": "ẫ",
    "aä": "ậ",
    "aå": "ẩ",
    "aè": "ằ",
    "aé": "ắ",
    "aê": "ă",
    "aë": "ặ",
    "aï": "ạ",
    "aõ": "ã",
    "aø": "à",
    "aù": "á",
    "aú": "ẳ",
    "aû": "ả",
    "aü": "ẵ",
    "eà": "ề",
    "eá": "ế",
    "eâ": "ê",
    "eã": "ễ",
    "eä": "ệ",
    "eå": "ể",
    "eï": "ẹ",
    "eõ": "ẽ",
    "eø": "è",
    "eù": "é",
    "eû": "ẻ",
    "oà": "ồ",
    "oá": "ố",
    "oâ": "ô",
    "oã": "ỗ",
    "oä": "ộ",
    "oå": "ổ",
    "oï": "ọ",
    "oõ": "õ",
    "oø": "ò",
    "où": "ó",
    "oû": "ỏ",
    "uï": "ụ",
    "uõ": "ũ",
    "uø": "ù",
    "uù": "ú",
    "uû": "ủ",
    "yõ": "ỹ",
    "yø": "ỳ",
    "yù": "ý",
    "yû": "ỷ",
    "æ": "ỉ",
    "ì": "ì",
    "í": "í",
    "î": "ỵ",
    "ñ": "đ",
    "ò": "ị",
    "ó": "ĩ",
    "ô": "ơ",
    "ôï": "ợ",
    "ôõ": "ỡ",
    "ôø": "ờ",
    "ôù": "ớ",
    "ôû": "ở",
    "ö": "ư",
    "öï": "ự",
    "öõ": "ữ",
    "öø": "ừ",
    "öù": "ứ",
    "öû": "ử",
    "AÀ": "Ầ",
    "AÁ": "Ấ",
    "AÂ": "Â",
    "AÃ": "Ẫ",
    "AÄ": "Ậ",
    "AÅ": "Ẩ",
    "AÈ": "Ằ",
    "AÉ": "Ắ",
    "AÊ": "Ă",
    "AË": "Ặ",
    "AÏ": "Ạ",
    "AÕ": "Ã",
    "AØ": "À",
    "AÙ": "Á",
    "AÚ": "Ẳ",
    "AÛ": "Ả",
    "AÜ": "Ẵ",
    "EÀ": "Ề",
    "EÁ": "Ế",
    "EÂ": "Ê",
    "EÃ": "Ễ",
    "EÄ": "Ệ",
    "EÅ": "Ể",
    "EÏ": "Ẹ",
    "EÕ": "Ẽ",
    "EØ": "È",
    "EÙ": "É",
    "EÛ": "Ẻ",
    "OÀ": "Ồ",
    "OÁ": "Ố",
    "OÂ": "Ô",
    "OÃ": "Ỗ",
    "OÄ": "Ộ",
    "OÅ": "Ổ",
    "OÏ": "Ọ",
    "OÕ": "Õ",
    "OØ": "Ò",
    "OÙ": "Ó",
    "OÛ": "Ỏ",
    "UÏ": "Ụ",
    "UÕ": "Ũ",
    "UØ": "Ù",
    "UÙ": "Ú",
    "UÛ": "Ủ",
    "YÕ": "Ỹ",
    "YØ": "Ỳ",
    "YÙ": "Ý",
    "YÛ": "Ỷ",
    "Æ": "Ỉ",
    "Ì": "Ì",
    "Í": "Í",
    "Î": "Ỵ",
    "Ñ": "Đ",
    "Ò": "Ị",
    "Ó": "Ĩ",
    "Ô": "Ơ",
    "ÔÏ": "Ợ",
    "ÔÕ": "Ỡ",
    "ÔØ": "Ờ",
    "ÔÙ": "Ớ",
    "ÔÛ": "Ở",
    "Ö": "Ư",
    "ÖÏ": "Ự",
    "ÖÕ": "Ữ",
    "ÖØ": "Ừ",
    "ÖÙ": "Ứ",
    "ÖÛ": "Ử",
}
