#include "core/codec/hex.h"

#include <QCoreApplication>

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::Hex)
};

constexpr char kUpper[] = "0123456789ABCDEF";

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

bool isSeparator(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'\f' || c == u'\v' ||
           c == u',' || c == u';' || c == u':' || c == u'-' || c == 0x3000 /* ideographic space */
           || c == 0xFF0C /* fullwidth comma, typed by Chinese input methods */;
}

QString describeChar(char16_t c)
{
    if (c < 0x20 || c == 0x7F)
        return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    return QStringLiteral("'%1'").arg(QChar(c));
}

HexParseResult fail(qsizetype pos, const QString &why)
{
    HexParseResult r;
    r.errorPosition = pos;
    r.error = why;
    return r;
}

} // namespace

HexParseResult parseHex(QStringView in)
{
    HexParseResult r;
    r.bytes.reserve(in.size() / 2);
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = in[i].unicode();
        if (isSeparator(c)) {
            ++i;
            continue;
        }
        // Optional prefix: 0x / 0X / \x, which must be followed by digits.
        if ((c == u'0' || c == u'\\') && i + 1 < n && (in[i + 1] == u'x' || in[i + 1] == u'X')) {
            i += 2;
            if (i >= n || hexValue(in[i].unicode()) < 0)
                return fail(
                    i - 2,
                    Tr::tr("\"%1\" must be followed by hex digits").arg(in.sliced(i - 2, 2)));
        }
        const qsizetype groupStart = i;
        qsizetype j = i;
        while (j < n && hexValue(in[j].unicode()) >= 0)
            ++j;
        if (j == i)
            return fail(i, Tr::tr("%1 is not a hex digit").arg(describeChar(c)));
        if (j < n && !isSeparator(in[j].unicode()) && in[j] != u'\\')
            return fail(j, Tr::tr("%1 is not a hex digit").arg(describeChar(in[j].unicode())));
        if ((j - i) % 2 != 0)
            return fail(groupStart, Tr::tr("odd number of hex digits (%1) in \"%2\": each byte "
                                           "needs two digits")
                                        .arg(j - i)
                                        .arg(in.sliced(groupStart, j - groupStart)));
        for (qsizetype k = i; k < j; k += 2)
            r.bytes.append(char(hexValue(in[k].unicode()) << 4 | hexValue(in[k + 1].unicode())));
        i = j;
    }
    return r;
}

namespace {

// The two hex digits of every byte value, in output order, for one 2-byte store per byte.
struct HexPairs
{
    char pair[256][2];
    HexPairs()
    {
        for (int b = 0; b < 256; ++b) {
            pair[b][0] = kUpper[b >> 4];
            pair[b][1] = kUpper[b & 0xF];
        }
    }
};

const HexPairs &hexPairs()
{
    static const HexPairs t;
    return t;
}

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define SOCKSCOPE_HEX_SSSE3 1

// 16 bytes → 48 characters ("XX " each) per step with SSSE3: the two nibbles become digits
// through one table shuffle each, and three more shuffles per 16 output characters put
// every digit where it belongs. Runs while at least 17 bytes remain, so every group written
// here has its separator; the scalar loop does the rest. Selected at run time
// (SSSE3 is not part of the x86-64 baseline the package is built for).
__attribute__((target("ssse3"))) qsizetype appendHexSsse3(char *d, const uchar *s, qsizetype n,
                                                          char separator)
{
    const __m128i digits = _mm_setr_epi8('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B',
                                         'C', 'D', 'E', 'F');
    const __m128i low4 = _mm_set1_epi8(0x0F);
    // For output position p of each 16-character block: which input byte k = p / 3 supplies
    // it, and whether it is the high digit (p % 3 == 0), the low one (1) or the separator (2).
    // -128 (0x80) makes the shuffle write zero, which the OR then fills.
    constexpr char Z = char(-128);
    const __m128i hiPick[3] = {_mm_setr_epi8(0, Z, Z, 1, Z, Z, 2, Z, Z, 3, Z, Z, 4, Z, Z, 5),
                               _mm_setr_epi8(Z, Z, 6, Z, Z, 7, Z, Z, 8, Z, Z, 9, Z, Z, 10, Z),
                               _mm_setr_epi8(Z, 11, Z, Z, 12, Z, Z, 13, Z, Z, 14, Z, Z, 15, Z, Z)};
    const __m128i loPick[3] = {_mm_setr_epi8(Z, 0, Z, Z, 1, Z, Z, 2, Z, Z, 3, Z, Z, 4, Z, Z),
                               _mm_setr_epi8(5, Z, Z, 6, Z, Z, 7, Z, Z, 8, Z, Z, 9, Z, Z, 10),
                               _mm_setr_epi8(Z, Z, 11, Z, Z, 12, Z, Z, 13, Z, Z, 14, Z, Z, 15, Z)};
    const __m128i sep = _mm_set1_epi8(separator);
    const __m128i sepAt[3] = {
        _mm_and_si128(sep, _mm_setr_epi8(0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0)),
        _mm_and_si128(sep, _mm_setr_epi8(0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0)),
        _mm_and_si128(sep, _mm_setr_epi8(-1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1))};

    qsizetype i = 0;
    for (; i + 16 < n; i += 16, d += 48) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        const __m128i hi = _mm_shuffle_epi8(digits, _mm_and_si128(_mm_srli_epi16(v, 4), low4));
        const __m128i lo = _mm_shuffle_epi8(digits, _mm_and_si128(v, low4));
        for (int part = 0; part < 3; ++part) {
            const __m128i chars = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(hi, hiPick[part]),
                                                            _mm_shuffle_epi8(lo, loPick[part])),
                                               sepAt[part]);
            _mm_storeu_si128(reinterpret_cast<__m128i *>(d + 16 * part), chars);
        }
    }
    return i;
}

bool haveSsse3()
{
    static const bool yes = __builtin_cpu_supports("ssse3");
    return yes;
}
#endif

} // namespace

void appendHex(QByteArray &out, QByteArrayView data, char separator)
{
    const qsizetype n = data.size();
    if (n == 0)
        return;
    const qsizetype per = separator ? 3 : 2;
    const qsizetype start = out.size();
    out.resize(start + n * per - (separator ? 1 : 0));
    char *d = out.data() + start;
    auto s = reinterpret_cast<const uchar *>(data.data());
    const auto &pairs = hexPairs().pair;
    // This is the headless flood's hot loop: branch-free, fixed-size copies the compiler
    // turns into single stores, and 16 bytes a step where the CPU can.
    if (!separator) {
        for (qsizetype i = 0; i < n; ++i, d += 2)
            std::memcpy(d, pairs[s[i]], 2);
        return;
    }
    qsizetype i = 0;
#ifdef SOCKSCOPE_HEX_SSSE3
    if (n > 16 && haveSsse3()) {
        i = appendHexSsse3(d, s, n, separator);
        d += 3 * i;
    }
#endif
    for (; i + 1 < n; ++i, d += 3) {
        std::memcpy(d, pairs[s[i]], 2);
        d[2] = separator;
    }
    std::memcpy(d, pairs[s[n - 1]], 2);
}

QByteArray toHex(QByteArrayView data, char separator)
{
    QByteArray out;
    appendHex(out, data, separator);
    return out;
}

QString toHexString(QByteArrayView data, char separator)
{
    return QString::fromLatin1(toHex(data, separator));
}

namespace HexDump {

namespace {

int offsetDigits(quint64 lastOffset)
{
    int digits = 8;
    while (digits < 16 && (lastOffset >> (digits * 4)) != 0)
        digits += 4;
    return digits;
}

// 256 entries of "XX " for the hex columns, and the ASCII gutter mapping.
struct Tables
{
    char hex3[256][3];
    char gutter[256];
    Tables()
    {
        for (int b = 0; b < 256; ++b) {
            hex3[b][0] = kUpper[b >> 4];
            hex3[b][1] = kUpper[b & 0xF];
            hex3[b][2] = ' ';
            gutter[b] = (b >= 0x20 && b < 0x7F) ? char(b) : '.';
        }
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

int formatLineWithDigits(char *d, const uchar *p, qsizetype count, quint64 offset, int digits)
{
    const Tables &t = tables();
    char *const start = d;
    for (int k = digits - 1; k >= 0; --k)
        *d++ = kUpper[(offset >> (k * 4)) & 0xF];
    *d++ = ' ';
    *d++ = ' ';
    for (qsizetype k = 0; k < BytesPerLine; ++k) {
        if (k < count)
            std::memcpy(d, t.hex3[p[k]], 3);
        else
            std::memcpy(d, "   ", 3);
        d += 3;
        if (k == 7)
            *d++ = ' ';
    }
    *d++ = ' ';
    *d++ = '|';
    for (qsizetype k = 0; k < count; ++k)
        *d++ = t.gutter[p[k]];
    *d++ = '|';
    return int(d - start);
}

} // namespace

qsizetype lineCount(qsizetype dataSize)
{
    return (dataSize + BytesPerLine - 1) / BytesPerLine;
}

int lineWidth(quint64 lastOffset)
{
    return offsetDigits(lastOffset) + 2 + BytesPerLine * 3 + 1 + 1 + 1 + BytesPerLine + 1;
}

int formatLine(char *dest, QByteArrayView data, qsizetype line, quint64 baseOffset)
{
    const qsizetype begin = line * BytesPerLine;
    if (begin < 0 || begin >= data.size())
        return 0;
    const qsizetype count = qMin<qsizetype>(BytesPerLine, data.size() - begin);
    const int digits = offsetDigits(baseOffset + quint64(data.size()));
    return formatLineWithDigits(dest, reinterpret_cast<const uchar *>(data.data()) + begin, count,
                                baseOffset + quint64(begin), digits);
}

} // namespace HexDump

QByteArray hexDump(QByteArrayView data, quint64 baseOffset)
{
    using namespace HexDump;
    const qsizetype lines = lineCount(data.size());
    if (lines == 0)
        return {};
    const int digits = offsetDigits(baseOffset + quint64(data.size()));
    const int width = lineWidth(baseOffset + quint64(data.size()));
    QByteArray out(lines * (width + 1), Qt::Uninitialized);
    char *d = out.data();
    auto p = reinterpret_cast<const uchar *>(data.data());
    for (qsizetype line = 0; line < lines; ++line) {
        const qsizetype begin = line * BytesPerLine;
        const qsizetype count = qMin<qsizetype>(BytesPerLine, data.size() - begin);
        d += formatLineWithDigits(d, p + begin, count, baseOffset + quint64(begin), digits);
        *d++ = '\n';
    }
    out.truncate(d - out.data());
    return out;
}

} // namespace sockscope
