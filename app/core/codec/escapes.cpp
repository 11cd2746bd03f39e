#include "core/codec/escapes.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Reads exactly `digits` hex digits at `pos`; -1 if any is missing or not hex.
int readHex(QStringView input, qsizetype pos, int digits)
{
    if (pos + digits > input.size())
        return -1;
    int value = 0;
    for (int i = 0; i < digits; ++i) {
        const int d = hexValue(input[pos + i]);
        if (d < 0)
            return -1;
        value = value * 16 + d;
    }
    return value;
}

// Builds the segment list while merging neighbours of the same kind.
class SegmentBuilder
{
public:
    void addText(QStringView text)
    {
        if (text.isEmpty())
            return;
        if (m_segments.isEmpty() || m_segments.last().kind != EscapeSegment::Kind::Text)
            m_segments.append(EscapeSegment::fromText(QString()));
        m_segments.last().text.append(text);
    }
    void addText(QChar c) { addText(QStringView(&c, 1)); }
    void addByte(char byte)
    {
        if (m_segments.isEmpty() || m_segments.last().kind != EscapeSegment::Kind::Bytes)
            m_segments.append(EscapeSegment::fromBytes(QByteArray()));
        m_segments.last().bytes.append(byte);
    }
    QList<EscapeSegment> take() { return std::move(m_segments); }

private:
    QList<EscapeSegment> m_segments;
};

EscapeParseResult failure(qsizetype position, const QString &reason)
{
    EscapeParseResult result;
    result.errorPosition = position;
    result.errorString = reason;
    return result;
}

constexpr char kHexDigits[] = "0123456789ABCDEF";

QString hex4(int value)
{
    QString s(4, QLatin1Char('0'));
    for (int i = 3; i >= 0; --i, value >>= 4)
        s[i] = QLatin1Char(kHexDigits[value & 0xf]);
    return s;
}

// The one-letter escapes (\n, \t, ...) and the character each stands for.
struct SimpleEscape
{
    char16_t letter;
    char16_t value;
};
constexpr SimpleEscape kSimpleEscapes[] = {
    {u'r', u'\r'}, {u'n', u'\n'}, {u't', u'\t'}, {u'\\', u'\\'}, {u'0', u'\0'},
    {u'a', u'\a'}, {u'b', u'\b'}, {u'f', u'\f'}, {u'v', u'\v'},  {u'e', u'\x1b'},
};

// The character \letter stands for, or -1 when it is not a one-letter escape.
int decodeSimple(QChar letter)
{
    for (const SimpleEscape &e : kSimpleEscapes) {
        if (letter.unicode() == e.letter)
            return e.value;
    }
    return -1;
}

// \xNN with *pos just behind the "\x": one byte. Returns why it failed, or an empty string.
QString parseHexEscape(QStringView input, qsizetype *pos, SegmentBuilder &out)
{
    const int value = readHex(input, *pos, 2);
    if (value < 0)
        return QCoreApplication::translate("sockscope::Escapes", "\\x needs two hex digits");
    out.addByte(char(value));
    *pos += 2;
    return QString();
}

// \uNNNN with *pos just behind the "\u"; a high surrogate takes the \uNNNN low surrogate that
// must follow it. Returns why it failed, or an empty string.
QString parseUnicodeEscape(QStringView input, qsizetype *pos, SegmentBuilder &out)
{
    const int value = readHex(input, *pos, 4);
    if (value < 0)
        return QCoreApplication::translate("sockscope::Escapes", "\\u needs four hex digits");
    const qsizetype i = *pos + 4;
    const QChar unit{char16_t(value)};
    if (unit.isLowSurrogate())
        return QCoreApplication::translate("sockscope::Escapes", "\\u%1 is a lone low surrogate")
            .arg(hex4(value));
    if (!unit.isHighSurrogate()) {
        out.addText(unit);
        *pos = i;
        return QString();
    }
    // A high surrogate is only meaningful with a \u low surrogate right after it.
    const bool hasNext =
        i + 1 < input.size() && input[i] == QLatin1Char('\\') && input[i + 1] == QLatin1Char('u');
    const int low = hasNext ? readHex(input, i + 2, 4) : -1;
    if (low < 0 || !QChar::isLowSurrogate(char32_t(low)))
        return QCoreApplication::translate("sockscope::Escapes",
                                           "\\u%1 is a high surrogate and must be followed "
                                           "by a low surrogate \\uDC00-\\uDFFF")
            .arg(hex4(value));
    const QChar pair[2] = {unit, QChar(char16_t(low))};
    out.addText(QStringView(pair, 2));
    *pos = i + 6;
    return QString();
}

} // namespace

EscapeParseResult parseEscapes(QStringView input)
{
    SegmentBuilder out;
    qsizetype runStart = 0; // start of the literal text not yet handed to `out`
    qsizetype i = 0;
    const qsizetype n = input.size();

    while (i < n) {
        if (input[i] != QLatin1Char('\\')) {
            ++i;
            continue;
        }
        out.addText(input.mid(runStart, i - runStart));
        const qsizetype start = i;
        if (i + 1 >= n)
            return failure(
                start, QCoreApplication::translate("sockscope::Escapes",
                                                   "lone backslash at the end; write \\\\ for a "
                                                   "backslash"));
        const QChar c = input[i + 1];
        i += 2;
        QString problem;
        if (const int simple = decodeSimple(c); simple >= 0)
            out.addText(QChar(char16_t(simple)));
        else if (c == u'x')
            problem = parseHexEscape(input, &i, out);
        else if (c == u'u')
            problem = parseUnicodeEscape(input, &i, out);
        else
            problem =
                QCoreApplication::translate("sockscope::Escapes", "unknown escape \\%1").arg(c);
        if (!problem.isEmpty())
            return failure(start, problem);
        runStart = i;
    }
    out.addText(input.mid(runStart));

    EscapeParseResult result;
    result.segments = out.take();
    return result;
}

int displayEscape(char16_t c, char16_t *buf)
{
    auto simple = [buf](char16_t letter) {
        buf[0] = u'\\';
        buf[1] = letter;
        return 2;
    };
    switch (c) {
    case u'\\':
        return simple(u'\\');
    case u'\r':
        return simple(u'r');
    case u'\n':
        return simple(u'n');
    case u'\t':
        return simple(u't');
    case u'\0':
        return simple(u'0');
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        buf[0] = u'\\';
        buf[1] = u'x';
        buf[2] = char16_t(kHexDigits[c >> 4]);
        buf[3] = char16_t(kHexDigits[c & 0xf]);
        return 4;
    }
    const bool c1 = c >= 0x80 && c <= 0x9f;
    const bool lineOrBidi =
        c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (!c1 && !lineOrBidi)
        return 0;
    buf[0] = u'\\';
    buf[1] = u'u';
    for (int k = 0; k < 4; ++k)
        buf[2 + k] = char16_t(kHexDigits[(c >> (12 - 4 * k)) & 0xf]);
    return 6;
}

QString escapeForDisplay(QStringView text)
{
    QString out;
    out.reserve(text.size());
    char16_t buf[6];
    for (const QChar c : text) {
        const int n = displayEscape(c.unicode(), buf);
        if (n == 0)
            out += c;
        else
            out.append(reinterpret_cast<const QChar *>(buf), n);
    }
    return out;
}

} // namespace sockscope
