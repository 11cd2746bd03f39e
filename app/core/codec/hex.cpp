#include "core/codec/hex.h"

#include <QCoreApplication>

#include <algorithm>
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
#define SOCKSCOPE_HEX_X86 1

constexpr char kZero = char(-128); // a shuffle index with the top bit set writes zero

// The bytes a flood's printer formats were received a while ago, often on the other core, and
// are no longer in this core's cache: the hardware prefetcher alone left the AVX-512 kernel
// waiting on its loads most of the time (perf annotate of the headless flood; the benchmark's
// 64 MiB-in-slices rows: 7-11 GiB/s without, ~15 GiB/s with 2 KiB ahead; in the flood the
// kernel's samples per 2 GiB went from ~390 to ~250-350, with no clear winner between 2, 4
// and 8 KiB ahead).
constexpr qsizetype kPrefetchAhead = 2048;

inline void prefetchAhead(const uchar *p)
{
    // Past the end of the data is fine: a prefetch never faults. (The address is computed as an
    // integer: a pointer that far past the end of an array would be undefined behaviour.)
    __builtin_prefetch(reinterpret_cast<const void *>(quintptr(p) + kPrefetchAhead));
}

// 16 bytes → 48 characters ("XX " each) per step with SSSE3: the two nibbles become digits
// through one table shuffle each, and three more shuffles per 16 output characters put
// every digit where it belongs. Runs while at least 17 bytes remain, so every group written
// here has its separator; the scalar loop does the rest. Without a separator, the digits
// are interleaved into pairs and 16 bytes become 32 characters.
__attribute__((target("ssse3"))) qsizetype appendHexSsse3(char *d, const uchar *s, qsizetype n,
                                                          char separator)
{
    const __m128i digits = _mm_setr_epi8('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B',
                                         'C', 'D', 'E', 'F');
    const __m128i low4 = _mm_set1_epi8(0x0F);
    qsizetype i = 0;
    if (!separator) {
        for (; i + 16 <= n; i += 16, d += 32) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
            const __m128i hi = _mm_shuffle_epi8(digits, _mm_and_si128(_mm_srli_epi16(v, 4), low4));
            const __m128i lo = _mm_shuffle_epi8(digits, _mm_and_si128(v, low4));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(d), _mm_unpacklo_epi8(hi, lo));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(d + 16), _mm_unpackhi_epi8(hi, lo));
        }
        return i;
    }
    // For output position p of each 16-character block: which input byte k = p / 3 supplies
    // it, and whether it is the high digit (p % 3 == 0), the low one (1) or the separator (2).
    // The shuffle writes zero at kZero, which the OR then fills.
    constexpr char Z = kZero;
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

// The AVX2 kernel treats each 128-bit lane as one 16-byte block. Its digits are first
// interleaved into pairs ("XY" per byte): pairs 0-7 in one vector, 8-15 in another, and
// 5-12 (an alignr of the two) for the middle. Part p of the block's 48 characters
// (characters 16p..16p+15) then comes from the pair vector starting at pair kPairBase[p]
// with one shuffle; kZero marks a separator, which an OR fills.
constexpr int kPairBase[3] = {0, 5, 8};

struct Avx2Tables
{
    alignas(32) char pick[3][32];
    alignas(32) char sepAt[3][32]; // -1 where a separator goes
};

constexpr Avx2Tables makeAvx2Tables()
{
    Avx2Tables t{};
    for (int part = 0; part < 3; ++part) {
        for (int j = 0; j < 32; ++j) {
            const int c = 16 * part + j % 16; // both lanes alike
            const int byte = c / 3, digit = c % 3;
            t.pick[part][j] = digit == 2 ? kZero : char(2 * (byte - kPairBase[part]) + digit);
            t.sepAt[part][j] = digit == 2 ? char(-1) : char(0);
        }
    }
    return t;
}

constexpr Avx2Tables kAvx2Tables = makeAvx2Tables();

// (Not lambdas: those would not inherit the kernel's target attribute.)
__attribute__((target("avx2"))) inline __m256i load(const void *p)
{
    return _mm256_loadu_si256(static_cast<const __m256i *>(p));
}

__attribute__((target("avx2"))) inline void store(char *p, __m256i v)
{
    _mm256_storeu_si256(reinterpret_cast<__m256i *>(p), v);
}

// 32 bytes → 96 characters per step (two 16-byte blocks, one per lane, put back in order
// by two lane permutes and a blend), or 64 characters without a separator.
__attribute__((target("avx2"))) qsizetype appendHexAvx2(char *d, const uchar *s, qsizetype n,
                                                        char separator)
{
    const __m256i digits = _mm256_setr_epi8('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A',
                                            'B', 'C', 'D', 'E', 'F', '0', '1', '2', '3', '4', '5',
                                            '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F');
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    qsizetype i = 0;
    if (!separator) {
        for (; i + 32 <= n; i += 32, d += 64) {
            // Quadwords 0, 2, 1, 3: the in-lane unpacks then give characters 0-31 and 32-63.
            prefetchAhead(s + i);
            const __m256i v = _mm256_permute4x64_epi64(load(s + i), 0xD8);
            const __m256i hi =
                _mm256_shuffle_epi8(digits, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
            const __m256i lo = _mm256_shuffle_epi8(digits, _mm256_and_si256(v, low4));
            store(d, _mm256_unpacklo_epi8(hi, lo));
            store(d + 32, _mm256_unpackhi_epi8(hi, lo));
        }
        return i;
    }
    const __m256i sep = _mm256_set1_epi8(separator);
    __m256i pick[3], sepAt[3];
    for (int part = 0; part < 3; ++part) {
        pick[part] = load(kAvx2Tables.pick[part]);
        sepAt[part] = _mm256_and_si256(sep, load(kAvx2Tables.sepAt[part]));
    }
    for (; i + 32 < n; i += 32, d += 96) {
        prefetchAhead(s + i);
        const __m256i v = load(s + i);
        const __m256i hi =
            _mm256_shuffle_epi8(digits, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
        const __m256i lo = _mm256_shuffle_epi8(digits, _mm256_and_si256(v, low4));
        const __m256i pairs0 = _mm256_unpacklo_epi8(hi, lo);
        const __m256i pairs8 = _mm256_unpackhi_epi8(hi, lo);
        const __m256i pairs5 = _mm256_alignr_epi8(pairs8, pairs0, 10);
        const __m256i a = _mm256_or_si256(_mm256_shuffle_epi8(pairs0, pick[0]), sepAt[0]);
        const __m256i b = _mm256_or_si256(_mm256_shuffle_epi8(pairs5, pick[1]), sepAt[1]);
        const __m256i c = _mm256_or_si256(_mm256_shuffle_epi8(pairs8, pick[2]), sepAt[2]);
        // Lane 0 of a, b, c holds characters 0-47, lane 1 characters 48-95.
        store(d, _mm256_permute2x128_si256(a, b, 0x20));
        store(d + 32, _mm256_blend_epi32(a, c, 0x0F));
        store(d + 64, _mm256_permute2x128_si256(b, c, 0x31));
    }
    return i;
}

// AVX-512 VBMI permutes bytes across the whole 64-byte register, so a 64-byte block needs
// no lanes: hi and lo hold the 64 high and low digits, and each 64-character part of the
// output is one two-source permute of them (index k: hi[k], 64 + k: lo[k]). Where the mask
// bit is clear the permute keeps the index byte itself, which is set to the separator.
struct VbmiTables
{
    alignas(64) char digits[64]; // the digit of (index & 15): vpermb reads 6 index bits
    alignas(64) char spaced[3][64];
    quint64 isDigit[3];
    alignas(64) char packed[2][64];
};

constexpr VbmiTables makeVbmiTables()
{
    VbmiTables t{};
    for (int e = 0; e < 64; ++e)
        t.digits[e] = kUpper[e & 15];
    for (int part = 0; part < 3; ++part) {
        for (int j = 0; j < 64; ++j) {
            const int c = 64 * part + j, byte = c / 3, digit = c % 3;
            t.spaced[part][j] = digit == 2 ? char(0) : char(64 * digit + byte);
            if (digit != 2)
                t.isDigit[part] |= quint64(1) << j;
        }
    }
    for (int part = 0; part < 2; ++part)
        for (int j = 0; j < 64; ++j)
            t.packed[part][j] = char(64 * (j % 2) + 32 * part + j / 2);
    return t;
}

constexpr VbmiTables kVbmiTables = makeVbmiTables();

// digits[index & 63] for each byte. (The zero-masking form with every bit set: GCC 12's
// _mm512_permutexvar_epi8() warns about the undefined vector it passes for the mask.)
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) inline __m512i digitsOf(__m512i index,
                                                                               __m512i digits)
{
    return _mm512_maskz_permutexvar_epi8(~__mmask64(0), index, digits);
}

// 64 bytes → 192 characters per step (128 without a separator).
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) qsizetype
appendHexAvx512Vbmi(char *d, const uchar *s, qsizetype n, char separator)
{
    const VbmiTables &t = kVbmiTables;
    const __m512i digits = _mm512_load_si512(t.digits);
    qsizetype i = 0;
    if (!separator) {
        const __m512i pick0 = _mm512_load_si512(t.packed[0]);
        const __m512i pick1 = _mm512_load_si512(t.packed[1]);
        for (; i + 64 <= n; i += 64, d += 128) {
            prefetchAhead(s + i);
            const __m512i v = _mm512_loadu_si512(s + i);
            const __m512i hi = digitsOf(_mm512_srli_epi16(v, 4), digits);
            const __m512i lo = digitsOf(v, digits);
            _mm512_storeu_si512(d, _mm512_permutex2var_epi8(hi, pick0, lo));
            _mm512_storeu_si512(d + 64, _mm512_permutex2var_epi8(hi, pick1, lo));
        }
        return i;
    }
    const __m512i sep = _mm512_set1_epi8(separator);
    __m512i pick[3];
    __mmask64 isDigit[3];
    for (int part = 0; part < 3; ++part) {
        isDigit[part] = t.isDigit[part];
        pick[part] = _mm512_mask_blend_epi8(isDigit[part], sep, _mm512_load_si512(t.spaced[part]));
    }
    for (; i + 64 < n; i += 64, d += 192) {
        prefetchAhead(s + i);
        const __m512i v = _mm512_loadu_si512(s + i);
        const __m512i hi = digitsOf(_mm512_srli_epi16(v, 4), digits);
        const __m512i lo = digitsOf(v, digits);
        for (int part = 0; part < 3; ++part)
            _mm512_storeu_si512(d + 64 * part,
                                _mm512_mask2_permutex2var_epi8(hi, pick[part], isDigit[part], lo));
    }
    return i;
}

// None of SSSE3, AVX2 or AVX-512 is part of the x86-64 baseline the package is built for: the
// kernels are compiled for their instructions by target attributes and chosen here at run
// time (libgcc also checks that the OS saves the wide registers).
bool cpuHas(HexKernel kernel)
{
    __builtin_cpu_init();
    switch (kernel) {
    case HexKernel::Scalar:
        return true;
    case HexKernel::Ssse3:
        return __builtin_cpu_supports("ssse3");
    case HexKernel::Avx2:
        return __builtin_cpu_supports("avx2");
    case HexKernel::Avx512Vbmi:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
               __builtin_cpu_supports("avx512vbmi");
    }
    return false;
}
#else
bool cpuHas(HexKernel kernel)
{
    return kernel == HexKernel::Scalar;
}
#endif

HexKernel detectBestKernel()
{
    for (HexKernel k : {HexKernel::Avx512Vbmi, HexKernel::Avx2, HexKernel::Ssse3})
        if (cpuHas(k))
            return k;
    return HexKernel::Scalar;
}

} // namespace

bool hexKernelSupported(HexKernel kernel)
{
    return kernel <= bestHexKernel() && cpuHas(kernel);
}

HexKernel bestHexKernel()
{
    static const HexKernel best = detectBestKernel();
    return best;
}

void appendHexWith(HexKernel kernel, QByteArray &out, QByteArrayView data, char separator)
{
    const qsizetype n = data.size();
    if (n == 0)
        return;
    const qsizetype per = separator ? 3 : 2;
    const qsizetype start = out.size();
    out.resize(start + n * per - (separator ? 1 : 0));
    char *d = out.data() + start;
    auto s = reinterpret_cast<const uchar *>(data.data());
    qsizetype i = 0;
#ifdef SOCKSCOPE_HEX_X86
    // This is the headless flood's hot loop. The widest kernel takes what fills its blocks,
    // the narrower ones what is left; each runs only if a block remains for it.
    kernel = std::min(kernel, bestHexKernel());
    if (kernel >= HexKernel::Avx512Vbmi && n - i >= 64)
        i += appendHexAvx512Vbmi(d + per * i, s + i, n - i, separator);
    if (kernel >= HexKernel::Avx2 && n - i >= 32)
        i += appendHexAvx2(d + per * i, s + i, n - i, separator);
    if (kernel >= HexKernel::Ssse3 && n - i >= 16)
        i += appendHexSsse3(d + per * i, s + i, n - i, separator);
    d += per * i;
#else
    Q_UNUSED(kernel);
#endif
    // Branch-free, fixed-size copies the compiler turns into single stores.
    const auto &pairs = hexPairs().pair;
    if (!separator) {
        for (; i < n; ++i, d += 2)
            std::memcpy(d, pairs[s[i]], 2);
        return;
    }
    for (; i + 1 < n; ++i, d += 3) {
        std::memcpy(d, pairs[s[i]], 2);
        d[2] = separator;
    }
    std::memcpy(d, pairs[s[n - 1]], 2);
}

void appendHex(QByteArray &out, QByteArrayView data, char separator)
{
    appendHexWith(bestHexKernel(), out, data, separator);
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
