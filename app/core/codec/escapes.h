#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace sockscope {

// One piece of a parsed text-mode message. Text still has to go through the
// user's chosen encoding; bytes from \xNN must reach the wire untouched, which is
// why the two are kept apart instead of being folded into one QString.
struct EscapeSegment
{
    enum class Kind
    {
        Text,
        Bytes
    };

    Kind kind = Kind::Text;
    QString text;     // Kind::Text only
    QByteArray bytes; // Kind::Bytes only

    static EscapeSegment fromText(const QString &text) { return {Kind::Text, text, {}}; }
    static EscapeSegment fromBytes(const QByteArray &bytes) { return {Kind::Bytes, {}, bytes}; }

    friend bool operator==(const EscapeSegment &a, const EscapeSegment &b)
    {
        return a.kind == b.kind && a.text == b.text && a.bytes == b.bytes;
    }
    friend bool operator!=(const EscapeSegment &a, const EscapeSegment &b) { return !(a == b); }
};

struct EscapeParseResult
{
    // Adjacent text is merged, as are adjacent bytes, so segments alternate kinds.
    // Empty on error, and for empty input.
    QList<EscapeSegment> segments;
    // Index in the input of the backslash that starts the offending escape; -1 when ok.
    qsizetype errorPosition = -1;
    QString errorString; // translated, e.g. "\x needs two hex digits"

    bool ok() const { return errorPosition < 0; }
};

// Supported: \r \n \t \\ \0 \a \b \f \v \e (0x1B), \xNN (a raw byte, exactly two
// hex digits) and \uXXXX (a character, exactly four hex digits; a surrogate pair
// written as two \u escapes combines, a lone surrogate is an error).
// Any other escape, and a trailing lone backslash, is an error.
EscapeParseResult parseEscapes(QStringView input);

// Makes control characters visible so the text can be shown and edited on one
// line: \r \n \t \0, \xNN for the other C0 controls and DEL, \\ for a backslash.
// parseEscapes(escapeForDisplay(x)) yields x again (the \xNN bytes are ASCII, so
// they encode the same in every supported encoding).
QString escapeForDisplay(QStringView text);

// The visible form of one UTF-16 unit, as escapeForDisplay() writes it: fills
// buf (room for 6) and returns the length, or returns 0 when c shows as itself.
// Escaped: backslash, C0 controls and DEL (\r \n \t \0 \xNN), C1 controls
// (terminal CSI, NEL, ...) and the Unicode line separators and bidirectional
// overrides that could reorder or break a displayed line (\uXXXX).
int displayEscape(char16_t c, char16_t *buf);

} // namespace sockscope
