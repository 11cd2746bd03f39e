// GBK bytes of a text, through the codec under test (sockscope::encodeText).
#pragma once

#include "core/codec/textcodec.h"

#include <QByteArray>
#include <QString>

namespace sockscope::test {

inline QByteArray gbk(const QString &text)
{
    const EncodeResult r = encodeText(text, Encoding::Gbk);
    Q_ASSERT(r.ok());
    return r.bytes;
}

} // namespace sockscope::test
