#pragma once

#include <QString>

namespace sockscope {

// Text encodings offered for display and for sending.
// Gbk decodes with a GB18030-capable decoder (every GBK byte sequence, plus the
// 4-byte GB18030 forms) and encodes strictly to GBK.
enum class Encoding
{
    Utf8,
    Gbk,
    Latin1
};

QString encodingName(Encoding encoding);                     // "UTF-8", "GBK", "Latin-1"
bool encodingFromName(QStringView name, Encoding *encoding); // case-insensitive, accepts aliases

} // namespace sockscope
