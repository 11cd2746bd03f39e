#pragma once

#include <QByteArray>
#include <QString>

// Deterministic inputs: every generator takes a seed for a QRandomGenerator, so two runs (and
// two machines) measure the same bytes.
namespace sockscope::bench {

QByteArray randomBytes(qsizetype size, quint32 seed);

// Device-log style lines mixing Chinese words (all GBK-encodable) with ASCII tokens: timestamps,
// hex ids, addresses, numbers. About `chars` UTF-16 units long.
QString mixedChineseText(qsizetype chars, quint32 seed);

// The same kind of lines in Western European languages; Latin-1 encodable.
QString westernText(qsizetype chars, quint32 seed);

// `count` lines of `lineSize` bytes each: printable ASCII ending in '\n'.
QByteArray textLines(qsizetype count, int lineSize, quint32 seed);

// `count` frames of a 2-byte big-endian length header followed by `payloadSize` random bytes.
QByteArray lengthPrefixedFrames(qsizetype count, int payloadSize, quint32 seed);

} // namespace sockscope::bench
