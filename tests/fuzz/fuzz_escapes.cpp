// Escape parser: arbitrary text never crashes; errors point at a backslash; accepted input
// yields alternating, non-empty segments that re-escape and re-parse to the same segments;
// parseEscapes(escapeForDisplay(x)) gives x back (its \xNN bytes are ASCII); escapeForDisplay
// is displayEscape() applied unit by unit, and shows no raw control characters.
//
// Input: a byte (bit 0: UTF-16 instead of UTF-8), then the text.
#include "fuzzcommon.h"

#include "core/codec/escapes.h"

using namespace sockscope;

namespace {

bool isDangerous(char16_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The segments written back in escape syntax: text literally (backslashes doubled), bytes
// as \xNN.
QString reescape(const QList<EscapeSegment> &segments)
{
    QString out;
    for (const EscapeSegment &seg : segments) {
        if (seg.kind == EscapeSegment::Kind::Text) {
            for (QChar c : seg.text) {
                if (c == u'\\')
                    out += u'\\';
                out += c;
            }
        } else {
            for (char b : seg.bytes)
                out += QStringLiteral("\\x") +
                       QString::number(uchar(b), 16).toUpper().rightJustified(2, u'0');
        }
    }
    return out;
}

void checkParse(const QString &text)
{
    const EscapeParseResult r = parseEscapes(text);
    if (!r.ok()) {
        FUZZ_CHECK_MSG(r.errorPosition >= 0 && r.errorPosition < text.size(), fuzz::show(text));
        FUZZ_CHECK(text.at(r.errorPosition) == u'\\');
        FUZZ_CHECK(r.segments.isEmpty());
        FUZZ_CHECK(!r.errorString.isEmpty());
        return;
    }
    FUZZ_CHECK(r.errorString.isEmpty());
    FUZZ_CHECK(text.isEmpty() == r.segments.isEmpty());
    for (qsizetype i = 0; i < r.segments.size(); ++i) {
        const EscapeSegment &seg = r.segments.at(i);
        if (i > 0)
            FUZZ_CHECK_MSG(seg.kind != r.segments.at(i - 1).kind, fuzz::show(text));
        if (seg.kind == EscapeSegment::Kind::Text)
            FUZZ_CHECK(!seg.text.isEmpty() && seg.bytes.isEmpty());
        else
            FUZZ_CHECK(!seg.bytes.isEmpty() && seg.text.isEmpty());
    }
    const QString again = reescape(r.segments);
    const EscapeParseResult r2 = parseEscapes(again);
    FUZZ_CHECK_MSG(r2.ok() && r2.segments == r.segments,
                   fuzz::show(text) + " -> " + fuzz::show(again));
}

void checkDisplay(const QString &text)
{
    const QString shown = escapeForDisplay(text);

    // displayEscape() unit by unit gives the same text.
    QString expected;
    for (QChar c : text) {
        char16_t buf[6];
        const int n = displayEscape(c.unicode(), buf);
        FUZZ_CHECK(n >= 0 && n <= 6);
        if (n == 0) {
            FUZZ_CHECK(!isDangerous(c.unicode()) && c != u'\\');
            expected += c;
        } else {
            FUZZ_CHECK(buf[0] == u'\\');
            expected += QStringView(buf, n);
        }
    }
    FUZZ_CHECK_MSG(shown == expected, fuzz::show(text));
    for (QChar c : shown)
        FUZZ_CHECK_MSG(!isDangerous(c.unicode()), fuzz::show(shown));

    // Reads back to the original.
    const EscapeParseResult r = parseEscapes(shown);
    FUZZ_CHECK_MSG(r.ok(), fuzz::show(shown) + " " + r.errorString.toUtf8());
    QString back;
    for (const EscapeSegment &seg : r.segments) {
        if (seg.kind == EscapeSegment::Kind::Text) {
            back += seg.text;
        } else {
            for (char b : seg.bytes) {
                FUZZ_CHECK(uchar(b) < 0x80);
                back += QChar(char16_t(uchar(b)));
            }
        }
    }
    FUZZ_CHECK_MSG(back == text, fuzz::show(text) + " -> " + fuzz::show(back));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 16384)
        return 0;
    const bool utf16 = data[0] & 1;
    const QString text = fuzz::textFrom(
        QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)), utf16);
    checkParse(text);
    checkDisplay(text);
    return 0;
}
