#include "core/codec/encoding.h"

namespace sockscope {

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Gbk:
        return QStringLiteral("GBK");
    case Encoding::Latin1:
        return QStringLiteral("Latin-1");
    }
    return {};
}

bool encodingFromName(QStringView name, Encoding *encoding)
{
    const QString n =
        name.trimmed().toString().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    Encoding e;
    if (n == QLatin1String("utf8"))
        e = Encoding::Utf8;
    else if (n == QLatin1String("gbk") || n == QLatin1String("gb18030") ||
             n == QLatin1String("gb2312") || n == QLatin1String("cp936"))
        e = Encoding::Gbk;
    else if (n == QLatin1String("latin1") || n == QLatin1String("iso88591"))
        e = Encoding::Latin1;
    else
        return false;
    if (encoding)
        *encoding = e;
    return true;
}

} // namespace sockscope
