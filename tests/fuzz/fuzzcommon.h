// Shared helpers for the libFuzzer targets in tests/fuzz. Each target is one .cpp that
// includes this header once (it defines LLVMFuzzerInitialize).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace fuzz {

// A failed property: print what and where, then abort so libFuzzer saves the input.
[[noreturn]] inline void fail(const char *what, const char *file, int line,
                              const QByteArray &detail = QByteArray())
{
    std::fprintf(stderr, "\n*** fuzz property failed: %s\n    at %s:%d\n", what, file, line);
    if (!detail.isEmpty())
        std::fprintf(stderr, "    %s\n", detail.constData());
    std::fflush(stderr);
    std::abort();
}

// Printable form of bytes / text for failure messages (truncated).
inline QByteArray show(const QByteArray &bytes)
{
    return bytes.left(256).toHex(' ') + (bytes.size() > 256 ? " ..." : "");
}
inline QByteArray show(const QString &text)
{
    QByteArray out = "\"";
    for (QChar c : text.left(256)) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7F && c != u'\\')
            out += char(c.unicode());
        else
            out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
    }
    return out + (text.size() > 256 ? "\" ..." : "\"");
}

// Reads parameters from the front of the input; past the end everything reads as 0.
class Input
{
public:
    Input(const uint8_t *data, size_t size) : m_p(data), m_n(size) {}

    size_t remaining() const { return m_n; }
    uint8_t byte()
    {
        if (m_n == 0)
            return 0;
        --m_n;
        return *m_p++;
    }
    bool flag() { return byte() & 1; }
    uint32_t u32()
    {
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = v << 8 | byte();
        return v;
    }
    uint64_t u64() { return uint64_t(u32()) << 32 | u32(); }
    // Uniform enough in [lo, hi] for fuzzing purposes.
    int64_t range(int64_t lo, int64_t hi)
    {
        const uint64_t span = uint64_t(hi - lo) + 1;
        const uint64_t v = span <= 256     ? byte()
                           : span <= 65536 ? (uint64_t(byte()) << 8 | byte())
                                           : u32();
        return lo + int64_t(v % span);
    }
    QByteArray bytes(qsizetype count)
    {
        const qsizetype n = qMin<qsizetype>(count, qsizetype(m_n));
        QByteArray out(reinterpret_cast<const char *>(m_p), n);
        m_p += n;
        m_n -= size_t(n);
        return out;
    }
    QByteArray rest() { return bytes(qsizetype(m_n)); }

private:
    const uint8_t *m_p;
    size_t m_n;
};

// Deterministic chunk sizes for the chunking differentials (xorshift from a seed taken from
// the input, so the fuzzer controls the cuts).
class Chunker
{
public:
    Chunker(uint32_t seed, int maxChunk) : m_state(seed | 1), m_max(qMax(1, maxChunk)) {}
    int next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return 1 + int(m_state % uint32_t(m_max));
    }
    // Cuts bytes into consecutive non-empty pieces.
    QList<QByteArray> split(const QByteArray &bytes)
    {
        QList<QByteArray> out;
        for (qsizetype pos = 0; pos < bytes.size();) {
            const qsizetype len = qMin<qsizetype>(next(), bytes.size() - pos);
            out.append(bytes.mid(pos, len));
            pos += len;
        }
        return out;
    }

private:
    uint32_t m_state;
    int m_max;
};

// Text from fuzz bytes: UTF-8 (lossy, like a user's paste) or raw UTF-16 units (any QChar,
// lone surrogates included).
inline QString textFrom(const QByteArray &bytes, bool utf16)
{
    if (!utf16)
        return QString::fromUtf8(bytes);
    QString text(bytes.size() / 2, Qt::Uninitialized); // memcpy: the bytes may be unaligned
    std::memcpy(text.data(), bytes.constData(), size_t(text.size()) * sizeof(QChar));
    return text;
}

} // namespace fuzz

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::fuzz::fail(#cond, __FILE__, __LINE__);                                               \
    } while (0)
#define FUZZ_CHECK_MSG(cond, detail)                                                               \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::fuzz::fail(#cond, __FILE__, __LINE__, detail);                                       \
    } while (0)

// Qt warnings (e.g. an auto-reply too large to send) are expected under fuzzing and would
// only slow the run down; fatal messages still abort.
static void fuzzMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &msg)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(msg));
        std::abort();
    }
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    if (!std::getenv("SOCKSCOPE_FUZZ_VERBOSE"))
        qInstallMessageHandler(fuzzMessageHandler);
    return 0;
}
