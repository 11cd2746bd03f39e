// Reproducible pseudo-random payloads for transfer tests.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace sockscope::test {

// `size` bytes from a generator seeded with `seed` (whole 32-bit words; a tail under four
// bytes is left as allocated).
inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

} // namespace sockscope::test
