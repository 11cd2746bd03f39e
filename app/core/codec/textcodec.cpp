#include "core/codec/textcodec.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

#include "core/codec/escapes.h"

namespace sockscope {

namespace {

constexpr char16_t kHexDigits[] = u"0123456789ABCDEF";
constexpr char16_t kReplacement = 0xFFFD;

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::TextCodec)
};

} // namespace

// Collects decoded UTF-16 in a fixed stack buffer and appends it to the
// destination string in blocks: no per-character reallocation, and no
// worst-case-sized temporary on the heap.
class StreamDecoder::Output
{
public:
    Output(QString &dest, bool visible) : m_dest(dest), m_visible(visible) {}
    ~Output() { flush(); }

    void put(char16_t c)
    {
        if (m_visible) {
            char16_t esc[6];
            if (const int n = displayEscape(c, esc)) {
                for (int i = 0; i < n; ++i)
                    putRaw(esc[i]);
                return;
            }
        }
        putRaw(c);
    }
    void putRaw(char16_t c)
    {
        if (m_size == kSize)
            flush();
        m_buf[m_size++] = c;
    }
    void putCodePoint(char32_t cp)
    {
        if (cp < 0x10000) {
            put(char16_t(cp));
        } else {
            put(char16_t(0xD7C0 + (cp >> 10)));
            put(char16_t(0xDC00 | (cp & 0x3FF)));
        }
    }
    void putHexEscape(uchar b)
    {
        putRaw(u'\\');
        putRaw(u'x');
        putRaw(kHexDigits[b >> 4]);
        putRaw(kHexDigits[b & 0xF]);
    }
    void putString(const QString &s)
    {
        if (m_visible) {
            for (const QChar c : s)
                put(c.unicode());
            return;
        }
        flush();
        m_dest.append(s);
    }
    void flush()
    {
        if (m_size) {
            m_dest.append(reinterpret_cast<const QChar *>(m_buf), m_size);
            m_size = 0;
        }
    }

private:
    static constexpr qsizetype kSize = 2048;
    QString &m_dest;
    const bool m_visible;
    char16_t m_buf[kSize];
    qsizetype m_size = 0;
};

StreamDecoder::StreamDecoder(Encoding encoding, InvalidBytes invalid)
    : m_encoding(encoding), m_invalidStyle(invalid)
{}

StreamDecoder::~StreamDecoder() = default;

void StreamDecoder::reset()
{
    m_pendingSize = 0;
    m_invalidBytes = 0;
}

void StreamDecoder::emitInvalid(const uchar *p, qsizetype n, Output &out)
{
    m_invalidBytes += n;
    for (qsizetype i = 0; i < n; ++i) {
        if (m_invalidStyle != InvalidBytes::Replacement)
            out.putHexEscape(p[i]);
        else
            out.put(kReplacement);
    }
}

qsizetype StreamDecoder::decodeSome(const uchar *p, qsizetype n, bool final, Output &out)
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return decodeUtf8(p, n, final, out);
    case Encoding::Gbk:
        return decodeGbk(p, n, final, out);
    case Encoding::Latin1:
        for (qsizetype i = 0; i < n; ++i)
            out.put(p[i]);
        return n;
    }
    return n;
}

void StreamDecoder::decode(QByteArrayView chunk, QString &dest)
{
    if (m_encoding == Encoding::Latin1 && m_invalidStyle != InvalidBytes::Visible) {
        // Every byte is a character: Qt's vectorised path.
        dest.append(QLatin1StringView(chunk.data(), chunk.size()));
        return;
    }
    Output out(dest, m_invalidStyle == InvalidBytes::Visible);
    auto p = reinterpret_cast<const uchar *>(chunk.data());
    qsizetype n = chunk.size();
    if (n == 0)
        return;

    if (m_pendingSize > 0 && n > 0) {
        // Complete the held-back character using at most 4 bytes of the new
        // chunk (no sequence is longer than 4 bytes).
        uchar tmp[8];
        const qsizetype pending = m_pendingSize;
        const qsizetype take = qMin<qsizetype>(n, 4);
        memcpy(tmp, m_pending, pending);
        memcpy(tmp + pending, p, take);
        const qsizetype used = decodeSome(tmp, pending + take, false, out);
        if (used >= pending) {
            m_pendingSize = 0;
            p += used - pending;
            n -= used - pending;
        } else {
            // Still incomplete: only possible when the chunk was tiny.
            Q_ASSERT(take == n);
            m_pendingSize = pending + take - used;
            memcpy(m_pending, tmp + used, m_pendingSize);
            return;
        }
    }

    const qsizetype used = decodeSome(p, n, false, out);
    m_pendingSize = n - used;
    Q_ASSERT(m_pendingSize <= 3);
    memcpy(m_pending, p + used, m_pendingSize);
}

QString StreamDecoder::decode(QByteArrayView chunk)
{
    QString s;
    decode(chunk, s);
    return s;
}

void StreamDecoder::finish(QString &dest)
{
    if (m_pendingSize > 0) {
        Output out(dest, m_invalidStyle == InvalidBytes::Visible);
        uchar tmp[4];
        const qsizetype n = m_pendingSize;
        memcpy(tmp, m_pending, n);
        m_pendingSize = 0;
        decodeSome(tmp, n, true, out);
    }
}

QString StreamDecoder::finish()
{
    QString s;
    finish(s);
    return s;
}

// UTF-8 per Unicode table 3-7 (well-formed byte sequences): no overlongs, no
// surrogates, nothing above U+10FFFF. An ill-formed sequence is rendered byte
// by byte up to its maximal valid subpart, then decoding resumes.
qsizetype StreamDecoder::decodeUtf8(const uchar *p, qsizetype n, bool final, Output &out)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar b = p[i];
        if (b < 0x80) {
            out.put(b);
            ++i;
            continue;
        }
        int need;
        uchar lo = 0x80, hi = 0xBF; // allowed range of the second byte
        char32_t cp;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        } else {
            emitInvalid(p + i, 1, out);
            ++i;
            continue;
        }
        qsizetype j = 1;
        bool bad = false;
        for (; j <= need; ++j) {
            if (i + j >= n)
                break;
            const uchar t = p[i + j];
            const uchar tlo = j == 1 ? lo : 0x80;
            const uchar thi = j == 1 ? hi : 0xBF;
            if (t < tlo || t > thi) {
                bad = true;
                break;
            }
            cp = (cp << 6) | (t & 0x3F);
        }
        if (bad) {
            emitInvalid(p + i, j, out); // the maximal subpart; the offending byte is re-read
            i += j;
            continue;
        }
        if (j <= need) { // ran out of input on a valid prefix
            if (!final)
                return i;
            emitInvalid(p + i, n - i, out);
            return n;
        }
        out.putCodePoint(cp);
        i += need + 1;
    }
    return n;
}

namespace {

inline bool isGbkLead(uchar b)
{
    return b >= 0x81 && b <= 0xFE;
}
inline bool isGbkTrail2(uchar b)
{
    return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE);
}
inline bool isDigitByte(uchar b)
{
    return b >= 0x30 && b <= 0x39;
}

// Linear index of a 4-byte GB18030 sequence.
inline quint32 gb4Index(const uchar *s)
{
    return ((quint32(s[0] - 0x81) * 10 + (s[1] - 0x30)) * 126 + (s[2] - 0x81)) * 10 + (s[3] - 0x30);
}

// 4-byte codes that map to characters: 81308130..8431A439 (the rest of the
// BMP) and 90308130..E3329A35 (U+10000..U+10FFFF).
inline bool gb4Assigned(const uchar *s)
{
    const quint32 idx = gb4Index(s);
    constexpr quint32 bmpLast = 39419;             // 8431A439
    constexpr quint32 suppFirst = 189000;          // 90308130
    constexpr quint32 suppLast = 189000 + 0xFFFFF; // E3329A35
    return idx <= bmpLast || (idx >= suppFirst && idx <= suppLast);
}

enum class GbkSeq
{
    Complete,
    Incomplete,
    Invalid
};

// Classifies the sequence starting at p[0] (a lead byte). len receives its
// length when complete, or the number of bytes to render as invalid.
GbkSeq classifyGbk(const uchar *p, qsizetype n, qsizetype *len)
{
    if (n < 2)
        return GbkSeq::Incomplete;
    const uchar b2 = p[1];
    if (isGbkTrail2(b2)) {
        *len = 2;
        return GbkSeq::Complete;
    }
    if (!isDigitByte(b2)) {
        *len = 1;
        return GbkSeq::Invalid;
    }
    if (n < 3)
        return GbkSeq::Incomplete;
    if (!isGbkLead(p[2])) {
        *len = 1; // resynchronise right after the lead byte: the rest may be ASCII
        return GbkSeq::Invalid;
    }
    if (n < 4)
        return GbkSeq::Incomplete;
    if (!isDigitByte(p[3])) {
        *len = 1;
        return GbkSeq::Invalid;
    }
    *len = 4;
    return gb4Assigned(p) ? GbkSeq::Complete : GbkSeq::Invalid;
}

} // namespace

qsizetype StreamDecoder::decodeGbk(const uchar *p, qsizetype n, bool final, Output &out)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar b = p[i];
        if (b < 0x80) {
            out.put(b);
            ++i;
            continue;
        }
        if (b == 0x80) { // CP936 euro sign
            out.put(0x20AC);
            ++i;
            continue;
        }
        if (b == 0xFF) {
            emitInvalid(p + i, 1, out);
            ++i;
            continue;
        }
        // A run of well-formed multibyte sequences goes to ICU in one call.
        const qsizetype runStart = i;
        qsizetype len = 0;
        GbkSeq kind = GbkSeq::Complete;
        while (i < n && isGbkLead(p[i])) {
            kind = classifyGbk(p + i, n - i, &len);
            if (kind != GbkSeq::Complete)
                break;
            i += len;
        }
        if (i > runStart)
            decodeGbkRun(p + runStart, i - runStart, out);
        if (i >= n || !isGbkLead(p[i]))
            continue;
        if (kind == GbkSeq::Incomplete) {
            if (!final)
                return i;
            emitInvalid(p + i, n - i, out);
            return n;
        }
        emitInvalid(p + i, len, out);
        i += len;
    }
    return n;
}

void StreamDecoder::decodeGbkRun(const uchar *p, qsizetype n, Output &out)
{
    if (!m_icu)
        m_icu = std::make_unique<QStringDecoder>("GB18030");
    const auto bytes = QByteArrayView(reinterpret_cast<const char *>(p), n);
    QString text = m_icu->decode(bytes);
    if (!m_icu->hasError() && !text.contains(QChar(kReplacement))) {
        out.putString(text);
        return;
    }
    // ICU refused something our structural check let through: redo this run
    // one sequence at a time so that only the offending bytes show as invalid.
    *m_icu = QStringDecoder("GB18030");
    qsizetype i = 0;
    while (i < n) {
        qsizetype len = 0;
        classifyGbk(p + i, n - i, &len);
        const QString one = m_icu->decode(bytes.sliced(i, len));
        if (m_icu->hasError() || one.isEmpty() || one.contains(QChar(kReplacement))) {
            *m_icu = QStringDecoder("GB18030");
            emitInvalid(p + i, len, out);
        } else {
            out.putString(one);
        }
        i += len;
    }
}

QString decodeText(QByteArrayView bytes, Encoding encoding, InvalidBytes invalid)
{
    StreamDecoder d(encoding, invalid);
    QString s;
    d.decode(bytes, s);
    d.finish(s);
    return s;
}

namespace {

char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text[i + 1]);
    }
    *units = 1;
    return c.unicode();
}

} // namespace

EncodeResult encodeText(QStringView text, Encoding encoding)
{
    EncodeResult r;
    switch (encoding) {
    case Encoding::Latin1:
        r.bytes.reserve(text.size());
        for (qsizetype i = 0; i < text.size();) {
            qsizetype units;
            const char32_t cp = codePointAt(text, i, &units);
            if (cp > 0xFF)
                r.unencodable.append({i, cp});
            else
                r.bytes.append(char(cp));
            i += units;
        }
        break;
    case Encoding::Utf8:
        for (qsizetype i = 0; i < text.size();) {
            qsizetype units;
            const char32_t cp = codePointAt(text, i, &units);
            if (cp >= 0xD800 && cp <= 0xDFFF)
                r.unencodable.append({i, cp}); // a lone surrogate is not a character
            i += units;
        }
        if (r.unencodable.isEmpty())
            r.bytes = text.toUtf8();
        break;
    case Encoding::Gbk: {
        QStringEncoder enc("GBK");
        r.bytes = enc.encode(text);
        if (!enc.hasError())
            break;
        // One code point at a time: CP936 first; then GB18030's two-byte form,
        // which covers the characters GB18030 assigned to codes CP936 maps to
        // private use (the decoder shows those codes as these characters, so
        // they must encode back). A four-byte GB18030 form is not GBK.
        r.bytes.clear();
        for (qsizetype i = 0; i < text.size();) {
            qsizetype units;
            const char32_t cp = codePointAt(text, i, &units);
            const QStringView ch = text.sliced(i, units);
            QStringEncoder cp936("GBK");
            QByteArray b = cp936.encode(ch);
            bool ok = !cp936.hasError();
            if (!ok) {
                QStringEncoder gb18030("GB18030");
                b = gb18030.encode(ch);
                ok = !gb18030.hasError() && b.size() <= 2;
            }
            if (!ok || (cp >= 0xD800 && cp <= 0xDFFF))
                r.unencodable.append({i, cp});
            else
                r.bytes.append(b);
            i += units;
        }
        break;
    }
    }
    if (!r.unencodable.isEmpty())
        r.bytes.clear();
    return r;
}

QString EncodeResult::errorString(Encoding encoding) const
{
    if (unencodable.isEmpty())
        return {};
    const UnencodableChar &first = unencodable.first();
    const QString hex =
        QStringLiteral("U+%1").arg(quint32(first.codePoint), 4, 16, QLatin1Char('0')).toUpper();
    QString shown;
    if (first.codePoint >= 0xD800 && first.codePoint <= 0xDFFF)
        shown = hex;
    else
        shown = QString::fromUcs4(&first.codePoint, 1);
    QString msg = Tr::tr("Character '%1' (%2) at position %3 cannot be encoded in %4.")
                      .arg(shown, hex)
                      .arg(first.position + 1)
                      .arg(encodingName(encoding));
    if (unencodable.size() > 1)
        msg += QLatin1Char(' ') + Tr::tr("%n more character(s) cannot be encoded either.", nullptr,
                                         int(unencodable.size() - 1));
    return msg;
}

} // namespace sockscope

namespace sockscope {

namespace {

// Length of the incomplete-but-valid UTF-8 sequence at the end of p[0..n), or 0.
qsizetype utf8IncompleteTail(const uchar *p, qsizetype n)
{
    for (qsizetype back = 1; back <= 3 && back <= n; ++back) {
        const uchar b = p[n - back];
        if ((b & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for its lead
        int need;
        uchar lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
            need = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        else if (b >= 0xF0 && b <= 0xF4)
            need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        else
            return 0;
        if (back > need)
            return 0; // the sequence is complete (or ill-formed): nothing held
        if (back >= 2 && (p[n - back + 1] < lo || p[n - back + 1] > hi))
            return 0;
        return back;
    }
    return 0;
}

// Length of the incomplete-but-valid GBK/GB18030 sequence at the end, found by decoding
// from the last place a character surely ends, so that text (ASCII above all) costs a few
// steps, not a scan of the whole chunk:
// - after a byte below 0x30: it is never inside a multibyte sequence;
// - after two non-lead bytes in a row: the second starts a character whatever came before
//   (the first ends one: a single byte, a trail, a 4-byte sequence's last byte, or its
//   second byte, rejected with its lead when no lead follows), and a character a non-lead
//   byte starts is that one byte.
qsizetype gbkIncompleteTail(const uchar *p, qsizetype n, qsizetype from)
{
    qsizetype i = from;
    for (qsizetype k = n; k > from; --k) {
        const uchar b = p[k - 1];
        if (b < 0x30 || (k - 2 >= from && !isGbkLead(b) && !isGbkLead(p[k - 2]))) {
            i = k;
            break;
        }
    }
    while (i < n) {
        if (!isGbkLead(p[i])) {
            ++i;
            continue;
        }
        qsizetype len = 1;
        const GbkSeq kind = classifyGbk(p + i, n - i, &len);
        if (kind == GbkSeq::Incomplete)
            return n - i;
        i += len;
    }
    return 0;
}

// Length of the incomplete-but-valid sequence at the end of p[0..n), decoding from `from`,
// a position where StreamDecoder starts a character.
qsizetype incompleteTail(Encoding encoding, const uchar *p, qsizetype n, qsizetype from)
{
    return encoding == Encoding::Utf8 ? utf8IncompleteTail(p + from, n - from)
                                      : gbkIncompleteTail(p, n, from);
}

} // namespace

CarryIn CharCarry::feed(QByteArrayView chunk)
{
    const CarryIn carry = m_pending;
    if (m_encoding == Encoding::Latin1 || chunk.isEmpty())
        return carry;
    auto p = reinterpret_cast<const uchar *>(chunk.data());
    const qsizetype n = chunk.size();
    // Step exactly as StreamDecoder::decode() does: the carry and the chunk's first bytes
    // decode together, and the rest of the chunk starts where that stopped. (Where the
    // carried character ends is not enough: when it turns out invalid, its first byte alone
    // is rejected and its other bytes start characters of their own.)
    qsizetype from = 0;
    if (carry.size > 0) {
        uchar head[8];
        memcpy(head, carry.bytes, carry.size);
        const qsizetype take = qMin<qsizetype>(n, 4);
        memcpy(head + carry.size, p, take);
        const qsizetype headSize = carry.size + take;
        const qsizetype headTail = incompleteTail(m_encoding, head, headSize, 0);
        if (take == n) { // the whole chunk is in head
            m_pending.size = quint8(headTail);
            memcpy(m_pending.bytes, head + headSize - headTail, headTail);
            return carry;
        }
        // An incomplete sequence is at most 3 bytes, so with 4 bytes taken it starts
        // past the carry.
        from = headSize - headTail - carry.size;
        Q_ASSERT(from > 0);
    }
    const qsizetype tail = incompleteTail(m_encoding, p, n, from);
    m_pending.size = quint8(tail);
    memcpy(m_pending.bytes, p + n - tail, tail);
    return carry;
}

QString decodeRecord(const CarryIn &carry, QByteArrayView bytes, Encoding encoding,
                     InvalidBytes invalid)
{
    StreamDecoder d(encoding, invalid);
    QString s;
    if (carry.size && encoding != Encoding::Latin1) {
        d.decode(carry.view(), s);
    }
    d.decode(bytes, s);
    return s; // an incomplete character at the end stays held back
}

} // namespace sockscope
