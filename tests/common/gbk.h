// GBK bytes of a text: through the codec under test (sockscope::encodeText), or through
// Qt's own encoder as an independent reference.
#pragma once

#include "core/codec/textcodec.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

namespace sockscope::test {

inline QByteArray gbk(const QString &text)
{
    const EncodeResult r = encodeText(text, Encoding::Gbk);
    Q_ASSERT(r.ok());
    return r.bytes;
}

// Qt's GBK encoder (ICU), not the codec under test: for tests of what uses the codec.
inline QByteArray qtGbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    return encoder.encode(text);
}

} // namespace sockscope::test
