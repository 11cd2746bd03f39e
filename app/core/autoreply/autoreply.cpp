#include "core/autoreply/autoreply.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <cmath>

namespace sockscope {

Q_LOGGING_CATEGORY(lcAutoReply, "sockscope.autoreply")

namespace {

using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;
using MatchMode = AutoReplyConfig::MatchMode;
using EchoMode = AutoReplyConfig::EchoMode;

AutoReplyIssue issue(const QString &field, qsizetype position, const QString &message)
{
    return AutoReplyIssue::at(field, position, message);
}

QString describeCodePoint(char32_t cp)
{
    const QString hex = QString::number(uint(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'));
    if (cp < 0x20 || cp == 0x7F)
        return QStringLiteral("U+%1").arg(hex);
    return QStringLiteral("'%1' (U+%2)").arg(QString::fromUcs4(&cp, 1), hex);
}

// Where `cp` is written literally in `source` (for error positions); -1 when
// it only comes from a \u escape.
qsizetype findCodePoint(QStringView source, char32_t cp)
{
    const QString needle = QString::fromUcs4(&cp, 1);
    return source.indexOf(needle);
}

// Index in `source` (valid escape syntax) of the first \xNN escape with NN >= 0x80.
qsizetype findHighByteEscape(QStringView source)
{
    for (qsizetype i = 0; i + 1 < source.size(); ++i) {
        if (source[i] != u'\\')
            continue;
        const QChar next = source[i + 1];
        if (next == u'x' && i + 3 < source.size()) {
            const int hi = QString(source[i + 2]).toInt(nullptr, 16);
            if (hi >= 8)
                return i;
        }
        ++i; // skip the escaped character, so "\\x80" is not an escape
    }
    return -1;
}

// Text with escapes -> bytes in `encoding`. `offset` is where `text` starts in the field.
std::optional<AutoReplyIssue> encodeEscaped(QStringView text, qsizetype offset, Encoding encoding,
                                            const QString &field, QByteArray *out)
{
    const EscapeParseResult parsed = parseEscapes(text);
    if (!parsed.ok())
        return issue(field, offset + parsed.errorPosition, parsed.errorString);
    for (const EscapeSegment &segment : parsed.segments) {
        if (segment.kind == EscapeSegment::Kind::Bytes) {
            out->append(segment.bytes);
            continue;
        }
        const EncodeResult encoded = encodeText(segment.text, encoding);
        if (!encoded.ok()) {
            const char32_t cp = encoded.unencodable.first().codePoint;
            const qsizetype at = findCodePoint(text, cp);
            return issue(field, at < 0 ? -1 : offset + at,
                         AutoReplyRules::tr("character %1 cannot be encoded in %2")
                             .arg(describeCodePoint(cp), encodingName(encoding)));
        }
        out->append(encoded.bytes);
    }
    return std::nullopt;
}

// Hex (parseHex syntax) with the error position shifted to the field.
std::optional<AutoReplyIssue> parseHexAt(QStringView text, qsizetype offset, const QString &field,
                                         QByteArray *out)
{
    const HexParseResult parsed = parseHex(text);
    if (!parsed.ok())
        return issue(field, offset + parsed.errorPosition, parsed.error);
    out->append(parsed.bytes);
    return std::nullopt;
}

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

// --- regex pattern check ----------------------------------------------------

// The regex prefix that caps one match's backtracking (PCRE2 lets a pattern lower the
// limit; QRegularExpression has no other way to set it).
QString stepLimitPrefix()
{
    return QStringLiteral("(*LIMIT_MATCH=%1)").arg(AutoReplyRules::MatchStepLimit);
}

// Index after the escape that starts at `i` (a backslash).
qsizetype skipEscape(QStringView p, qsizetype i)
{
    if (i + 1 >= p.size())
        return p.size();
    const QChar c = p[i + 1];
    if (c == u'Q') { // \Q...\E: literal
        const qsizetype end = p.indexOf(QLatin1String("\\E"), i + 2);
        return end < 0 ? p.size() : end + 2;
    }
    const bool braced = QStringView(u"xopPNgk").contains(c) && i + 2 < p.size() &&
                        (p[i + 2] == u'{' || p[i + 2] == u'<' || p[i + 2] == u'\'');
    if (!braced)
        return i + 2;
    const QChar close = p[i + 2] == u'{' ? u'}' : p[i + 2] == u'<' ? u'>' : u'\'';
    const qsizetype end = p.indexOf(close, i + 3);
    return end < 0 ? p.size() : end + 1;
}

// Index after the character class that starts at `i` ('[').
qsizetype skipClass(QStringView p, qsizetype i)
{
    qsizetype k = i + 1;
    if (k < p.size() && p[k] == u'^')
        ++k;
    if (k < p.size() && p[k] == u']') // a leading ']' is a literal
        ++k;
    while (k < p.size() && p[k] != u']') {
        if (p[k] == u'\\')
            k = skipEscape(p, k);
        else if (p.sliced(k).startsWith(QLatin1String("[:")) &&
                 p.indexOf(QLatin1String(":]"), k) > 0)
            k = p.indexOf(QLatin1String(":]"), k) + 2;
        else
            ++k;
    }
    return qMin(k + 1, p.size());
}

struct Quantifier
{
    qsizetype end = 0;      // index after it (== start: none)
    bool repeats = false;   // may match more than once
    bool unbounded = false; // no upper bound
    bool possessive = false;
};

Quantifier readQuantifier(QStringView p, qsizetype i)
{
    Quantifier q{i};
    if (i >= p.size())
        return q;
    if (p[i] == u'*' || p[i] == u'+') {
        q = {i + 1, true, true};
    } else if (p[i] == u'?') {
        q = {i + 1};
    } else if (p[i] == u'{') {
        // {n}, {n,} or {n,m}; anything else is a literal '{'
        auto digits = [&](qsizetype k) {
            while (k < p.size() && p[k].isDigit())
                ++k;
            return k;
        };
        const qsizetype minEnd = digits(i + 1);
        if (minEnd == i + 1 || minEnd >= p.size())
            return q;
        if (p[minEnd] == u'}') {
            q = {minEnd + 1, p.sliced(i + 1, minEnd - i - 1).toLongLong() > 1};
        } else if (p[minEnd] == u',') {
            const qsizetype maxEnd = digits(minEnd + 1);
            if (maxEnd >= p.size() || p[maxEnd] != u'}')
                return q;
            const bool open = maxEnd == minEnd + 1;
            q = {maxEnd + 1, open || p.sliced(minEnd + 1, maxEnd - minEnd - 1).toLongLong() > 1,
                 open};
        } else {
            return q;
        }
    } else {
        return q;
    }
    if (q.end < p.size() && p[q.end] == u'+') {
        q.possessive = true;
        ++q.end;
    } else if (q.end < p.size() && p[q.end] == u'?') {
        ++q.end; // lazy: backtracks all the same
    }
    return q;
}

// Where a repeated group holds an unbounded repeat, as in (a+)+ or (\w*x)*: on a frame
// that almost matches, PCRE2 tries every way of splitting the text between the two and
// takes exponential time. -1 if there is none. Possessive repeats and atomic groups
// (lookarounds too) do not give text back, so they are fine. Overlapping alternatives
// such as (a|a)+ are not found here; the step limit and batch budget bound those.
qsizetype nestedRepeatAt(QStringView p)
{
    struct Group
    {
        qsizetype start;
        bool atomic;
        bool hasUnbounded;
    };
    QList<Group> stack{{-1, false, false}};
    qsizetype i = 0;
    while (i < p.size()) {
        const QChar c = p[i];
        qsizetype atomEnd = i + 1;
        std::optional<Group> closed;
        if (c == u'\\') {
            atomEnd = skipEscape(p, i);
        } else if (c == u'[') {
            atomEnd = skipClass(p, i);
        } else if (c == u'(') {
            const QStringView rest = p.sliced(i);
            if (rest.startsWith(QLatin1String("(?#"))) {
                const qsizetype end = p.indexOf(u')', i);
                i = end < 0 ? p.size() : end + 1;
                continue;
            }
            const qsizetype colon = p.indexOf(u':', i);
            const qsizetype paren = p.indexOf(u')', i);
            if (rest.startsWith(QLatin1String("(*")) &&
                (colon < 0 || (paren >= 0 && paren < colon))) {
                i = paren < 0 ? p.size() : paren + 1; // a verb such as (*UTF) or (*FAIL)
                continue;
            }
            const bool atomic =
                rest.startsWith(QLatin1String("(?>")) || rest.startsWith(QLatin1String("(?=")) ||
                rest.startsWith(QLatin1String("(?!")) || rest.startsWith(QLatin1String("(?<=")) ||
                rest.startsWith(QLatin1String("(?<!")) ||
                rest.startsWith(QLatin1String("(*atomic:"));
            stack.append({i, atomic, false});
            i = i + 1;
            continue;
        } else if (c == u')' && stack.size() > 1) {
            closed = stack.takeLast();
        }
        const Quantifier q = readQuantifier(p, atomEnd);
        if (closed && !closed->atomic && closed->hasUnbounded) {
            if (q.repeats && !q.possessive)
                return closed->start;
            stack.last().hasUnbounded = true; // (a+)x+ still nests if repeated further out
        }
        if (q.unbounded && !q.possessive)
            stack.last().hasUnbounded = true;
        i = qMax(q.end, atomEnd);
    }
    return -1;
}
} // namespace

// --- AutoReplyIssue ---------------------------------------------------------

QString AutoReplyIssue::toString() const
{
    QStringList parts;
    if (ruleIndex >= 0 && ruleName.isEmpty())
        parts << AutoReplyRules::tr("Rule %1").arg(ruleIndex + 1);
    else if (ruleIndex >= 0)
        parts << AutoReplyRules::tr("Rule %1 \u201C%2\u201D").arg(ruleIndex + 1).arg(ruleName);
    if (!field.isEmpty())
        parts << field;
    if (position >= 0)
        parts << AutoReplyRules::tr("position %1").arg(position);
    if (parts.isEmpty())
        return message;
    return parts.join(QStringLiteral(", ")) + QStringLiteral(": ") + message;
}

// --- compiled form ----------------------------------------------------------

namespace {

struct ReplyPiece
{
    QByteArray bytes; // literal bytes, when group < 0
    int group = -1;   // capture group number
};

struct CompiledRule
{
    QString source;
    int index = 0; // in the config's rules
    Match match = Match::ExactBytes;
    int delayMs = 0;

    QByteArray exact; // ExactBytes

    QByteArray hexBytes;        // HexPattern: wildcard positions hold 0
    QByteArray hexMask;         // 0xFF for a fixed byte, 0 for ??
    qsizetype anchorOffset = 0; // longest run of fixed bytes, searched with indexOf
    qsizetype anchorLength = 0;
    bool contains = false;

    QString text; // Substring
    Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;

    QRegularExpression regex;

    QList<ReplyPiece> reply;
    bool usesCaptures = false;
};

// Splits a regex rule's reply at ${N} / ${name} placeholders; each literal
// piece goes through the reply format on its own.
std::optional<AutoReplyIssue> compileReply(const AutoReplyRule &rule, Encoding encoding,
                                           const QRegularExpression *regex, CompiledRule *out)
{
    const QString field = QStringLiteral("reply");
    const QString &src = rule.reply;
    auto addLiteral = [&](qsizetype from, qsizetype to) -> std::optional<AutoReplyIssue> {
        if (from >= to)
            return std::nullopt;
        QByteArray bytes;
        const QStringView part = QStringView(src).sliced(from, to - from);
        auto err = rule.replyFormat == Format::Hex
                       ? parseHexAt(part, from, field, &bytes)
                       : encodeEscaped(part, from, encoding, field, &bytes);
        if (err)
            return err;
        if (!out->reply.isEmpty() && out->reply.last().group < 0)
            out->reply.last().bytes += bytes;
        else if (!bytes.isEmpty())
            out->reply.append({bytes, -1});
        return std::nullopt;
    };

    qsizetype literalStart = 0;
    int placeholders = 0;
    if (regex) {
        const QStringList names = regex->namedCaptureGroups();
        const int groups = regex->captureCount();
        qsizetype i = 0;
        while ((i = src.indexOf(QLatin1String("${"), i)) >= 0) {
            if (auto err = addLiteral(literalStart, i))
                return err;
            const qsizetype close = src.indexOf(u'}', i + 2);
            if (close < 0)
                return issue(field, i,
                             AutoReplyRules::tr("\"${\" without a closing \"}\" (write a literal "
                                                "\"$\" as \\u0024)"));
            const QString key = src.mid(i + 2, close - i - 2);
            int group = -1;
            bool isNumber = !key.isEmpty() && key.size() <= 2;
            for (QChar c : key)
                isNumber = isNumber && c >= u'0' && c <= u'9';
            if (isNumber) {
                group = key.toInt();
            } else if (!key.isEmpty() && isNameStart(key[0]) &&
                       std::all_of(key.begin(), key.end(), isNameChar)) {
                group = int(names.indexOf(key));
                if (group <= 0)
                    return issue(
                        field, i,
                        AutoReplyRules::tr("the pattern has no group named \"%1\"").arg(key));
            } else {
                return issue(field, i,
                             AutoReplyRules::tr("placeholders are ${0} to ${99} or ${name}"));
            }
            if (group > groups)
                return issue(field, i,
                             AutoReplyRules::tr("the pattern has no group %1 (it has %n group(s))",
                                                nullptr, groups)
                                 .arg(group));
            if (++placeholders > AutoReplyRules::MaxPlaceholders)
                return issue(field, i,
                             AutoReplyRules::tr("more than %1 placeholders")
                                 .arg(AutoReplyRules::MaxPlaceholders));
            out->reply.append({{}, group});
            out->usesCaptures = true;
            i = close + 1;
            literalStart = i;
        }
    }
    return addLiteral(literalStart, src.size());
}

std::optional<AutoReplyIssue> compileHexPattern(const QString &pattern, CompiledRule *out)
{
    const QString field = QStringLiteral("pattern");
    qsizetype from = 0;
    for (;;) {
        const qsizetype wild = pattern.indexOf(QLatin1String("??"), from);
        const qsizetype end = wild < 0 ? pattern.size() : wild;
        QByteArray bytes;
        if (auto err =
                parseHexAt(QStringView(pattern).sliced(from, end - from), from, field, &bytes))
            return err;
        out->hexBytes += bytes;
        out->hexMask += QByteArray(bytes.size(), char(0xFF));
        if (wild < 0)
            break;
        out->hexBytes += '\0';
        out->hexMask += '\0';
        from = wild + 2;
    }
    if (out->hexBytes.isEmpty())
        return issue(field, -1, AutoReplyRules::tr("the pattern is empty"));

    // Longest fixed run: the contains-search looks for it first.
    qsizetype runStart = 0;
    for (qsizetype k = 0; k <= out->hexMask.size(); ++k) {
        if (k == out->hexMask.size() || out->hexMask[k] == 0) {
            if (k - runStart > out->anchorLength) {
                out->anchorOffset = runStart;
                out->anchorLength = k - runStart;
            }
            runStart = k + 1;
        }
    }
    return std::nullopt;
}

// The size and range limits every rule must keep, whatever it matches.
std::optional<AutoReplyIssue> checkRuleLimits(const AutoReplyRule &rule)
{
    if (rule.name.size() > AutoReplyRules::MaxNameChars)
        return issue(
            QStringLiteral("name"), -1,
            AutoReplyRules::tr("longer than %1 characters").arg(AutoReplyRules::MaxNameChars));
    if (rule.pattern.size() > AutoReplyRules::MaxPatternChars)
        return issue(
            QStringLiteral("pattern"), -1,
            AutoReplyRules::tr("longer than %1 characters").arg(AutoReplyRules::MaxPatternChars));
    if (rule.reply.size() > AutoReplyRules::MaxReplyChars)
        return issue(
            QStringLiteral("reply"), -1,
            AutoReplyRules::tr("longer than %1 characters").arg(AutoReplyRules::MaxReplyChars));
    if (rule.delayMs < 0 || rule.delayMs > AutoReplyRules::MaxDelayMs)
        return issue(
            QStringLiteral("delayMs"), -1,
            AutoReplyRules::tr("must be between 0 and %1 ms").arg(AutoReplyRules::MaxDelayMs));
    if (rule.pattern.isEmpty())
        return issue(QStringLiteral("pattern"), -1, AutoReplyRules::tr("the pattern is empty"));
    return std::nullopt;
}

std::optional<AutoReplyIssue> compileExactBytes(const AutoReplyRule &rule, Encoding encoding,
                                                CompiledRule *out)
{
    const QString field = QStringLiteral("pattern");
    auto err = rule.patternFormat == Format::Hex
                   ? parseHexAt(rule.pattern, 0, field, &out->exact)
                   : encodeEscaped(rule.pattern, 0, encoding, field, &out->exact);
    if (err)
        return err;
    if (out->exact.isEmpty())
        return issue(field, -1, AutoReplyRules::tr("the pattern is empty"));
    return std::nullopt;
}

std::optional<AutoReplyIssue> compileSubstring(const QString &pattern, CompiledRule *out)
{
    // Matched against decoded text, so GBK trail/lead bytes can't match
    // across character boundaries. Raw \xNN bytes are characters only
    // when ASCII.
    const QString field = QStringLiteral("pattern");
    const EscapeParseResult parsed = parseEscapes(pattern);
    if (!parsed.ok())
        return issue(field, parsed.errorPosition, parsed.errorString);
    for (const EscapeSegment &segment : parsed.segments) {
        if (segment.kind == EscapeSegment::Kind::Text) {
            out->text += segment.text;
            continue;
        }
        for (char byte : segment.bytes) {
            if (uchar(byte) >= 0x80)
                return issue(
                    field, findHighByteEscape(pattern),
                    AutoReplyRules::tr("a byte above \\x7F is not a character: use a hex pattern "
                                       "to match raw bytes"));
            out->text += QLatin1Char(byte);
        }
    }
    if (out->text.isEmpty())
        return issue(field, -1, AutoReplyRules::tr("the pattern is empty"));
    return std::nullopt;
}

std::optional<AutoReplyIssue> compileRegex(const AutoReplyRule &rule, CompiledRule *out)
{
    const QString field = QStringLiteral("pattern");
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (rule.ignoreCase)
        options |= QRegularExpression::CaseInsensitiveOption;
    const QString prefix = stepLimitPrefix();
    out->regex = QRegularExpression(prefix + rule.pattern, options);
    if (!out->regex.isValid())
        return issue(
            field, qMax<qsizetype>(0, out->regex.patternErrorOffset() - prefix.size()),
            AutoReplyRules::tr("invalid regular expression: %1").arg(out->regex.errorString()));
    if (const qsizetype at = rule.pattern.indexOf(QLatin1String("(*LIMIT_MATCH")); at >= 0)
        return issue(field, at,
                     AutoReplyRules::tr("SockScope sets the match limit itself: remove "
                                        "(*LIMIT_MATCH=…)"));
    if (const qsizetype at = nestedRepeatAt(rule.pattern); at >= 0)
        return issue(field, at,
                     AutoReplyRules::tr("a repeated group holds a repeat, as in (a+)+: a "
                                        "frame can make this take exponential time. Make "
                                        "the inner repeat possessive (a++) or the group "
                                        "atomic ((?>…))"));
    out->regex.optimize();
    return std::nullopt;
}

std::optional<AutoReplyIssue> compilePattern(const AutoReplyRule &rule, Encoding encoding,
                                             CompiledRule *out)
{
    switch (rule.match) {
    case Match::ExactBytes:
        return compileExactBytes(rule, encoding, out);
    case Match::HexPattern:
        out->contains = rule.contains;
        return compileHexPattern(rule.pattern, out);
    case Match::Substring:
        return compileSubstring(rule.pattern, out);
    case Match::Regex:
        return compileRegex(rule, out);
    }
    return std::nullopt;
}

std::optional<AutoReplyIssue> compileRule(const AutoReplyRule &rule, Encoding encoding, int index,
                                          CompiledRule *out)
{
    if (auto err = checkRuleLimits(rule))
        return err;

    out->source = rule.name.isEmpty() ? AutoReplyRules::tr("Rule %1").arg(index + 1) : rule.name;
    out->index = index;
    out->match = rule.match;
    out->delayMs = rule.delayMs;
    out->caseSensitivity = rule.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;

    if (auto err = compilePattern(rule, encoding, out))
        return err;
    return compileReply(rule, encoding, rule.match == Match::Regex ? &out->regex : nullptr, out);
}

bool hexMatchesAt(const CompiledRule &rule, QByteArrayView frame, qsizetype pos)
{
    const qsizetype n = rule.hexBytes.size();
    const char *f = frame.data() + pos;
    const char *b = rule.hexBytes.constData();
    const char *m = rule.hexMask.constData();
    for (qsizetype k = 0; k < n; ++k) {
        if ((f[k] & m[k]) != b[k])
            return false;
    }
    return true;
}

bool hexMatches(const CompiledRule &rule, QByteArrayView frame)
{
    const qsizetype len = rule.hexBytes.size();
    if (!rule.contains)
        return frame.size() == len && hexMatchesAt(rule, frame, 0);
    if (frame.size() < len)
        return false;
    if (rule.anchorLength == 0)
        return true; // all wildcards: any frame that is long enough
    const QByteArrayView anchor =
        QByteArrayView(rule.hexBytes).sliced(rule.anchorOffset, rule.anchorLength);
    qsizetype from = rule.anchorOffset;
    qsizetype hit;
    while ((hit = frame.indexOf(anchor, from)) >= 0) {
        const qsizetype start = hit - rule.anchorOffset;
        if (start + len > frame.size())
            return false;
        if (hexMatchesAt(rule, frame, start))
            return true;
        from = hit + 1;
    }
    return false;
}

} // namespace

struct AutoReplyRules::Compiled
{
    AutoReplyConfig config;
    QList<CompiledRule> rules; // enabled rules only, in order
    QStringList trouble;       // per config rule: why it was last skipped (ruleTrouble())
};

// Regex work in one batch: time spent, and the rules skipped (with how many frames).
struct AutoReplyRules::Batch
{
    qint64 spentNs = 0;          // in regex matching
    QMap<int, qint64> overSteps; // compiled index -> frames skipped after a match ran out of steps
    QMap<int, qint64> overTime;  // compiled index -> frames skipped once the time was spent
};

// Per-frame lazy state: the text is decoded when the first text rule needs
// it, the byte map when the first capture is inserted.
struct AutoReplyRules::FrameState
{
    QByteArrayView frame;
    Encoding encoding;
    std::optional<QString> text;
    std::optional<QList<qsizetype>> map; // UTF-16 index -> byte offset; empty when unusable

    const QString &decoded()
    {
        if (!text)
            text = decodeText(frame, encoding, InvalidBytes::Replacement);
        return *text;
    }

    // Decodes byte by byte to learn where each character came from. Units
    // emitted together share the span's start unless there is one per byte
    // (ASCII, replacement characters for invalid bytes).
    const QList<qsizetype> &byteMap()
    {
        if (map)
            return *map;
        StreamDecoder decoder(encoding, InvalidBytes::Replacement);
        QString s;
        s.reserve(frame.size());
        QList<qsizetype> m;
        m.reserve(frame.size() + 1);
        qsizetype spanStart = 0;
        auto record = [&](qsizetype before, qsizetype end) {
            const qsizetype units = s.size() - before;
            if (units == 0)
                return;
            const bool perByte = units == end - spanStart;
            for (qsizetype k = 0; k < units; ++k)
                m.append(perByte ? spanStart + k : spanStart);
            spanStart = end;
        };
        for (qsizetype i = 0; i < frame.size(); ++i) {
            const qsizetype before = s.size();
            decoder.decode(frame.sliced(i, 1), s);
            record(before, i + 1);
        }
        const qsizetype before = s.size();
        decoder.finish(s);
        record(before, frame.size());
        m.append(frame.size());
        if (s != decoded()) // never expected; then fall back to re-encoding captures
            m.clear();
        map = std::move(m);
        return *map;
    }

    // The bytes of a capture: the peer's own bytes when they can be located,
    // else the captured text re-encoded. False if neither works.
    bool captureBytes(const QRegularExpressionMatch &match, int group, QByteArray *out)
    {
        const qsizetype start = match.capturedStart(group);
        const qsizetype end = match.capturedEnd(group);
        if (start < 0 || end <= start)
            return true; // group did not take part: inserts nothing
        const QList<qsizetype> &m = byteMap();
        if (!m.isEmpty()) {
            out->append(frame.sliced(m[start], m[end] - m[start]));
            return true;
        }
        const EncodeResult encoded = encodeText(match.capturedView(group), encoding);
        if (!encoded.ok())
            return false;
        out->append(encoded.bytes);
        return true;
    }
};

// --- AutoReplyRules ---------------------------------------------------------

AutoReplyRules::AutoReplyRules() : m_compiled(std::make_unique<Compiled>()) {}

AutoReplyRules::~AutoReplyRules() = default;

const AutoReplyConfig &AutoReplyRules::config() const
{
    return m_compiled->config;
}

std::optional<AutoReplyIssue> AutoReplyRules::checkRule(const AutoReplyRule &rule,
                                                        Encoding encoding)
{
    CompiledRule compiled;
    auto err = compileRule(rule, encoding, 0, &compiled);
    if (err)
        err->ruleName = rule.name;
    return err;
}

bool AutoReplyRules::setConfig(const AutoReplyConfig &config, AutoReplyIssue *error)
{
    auto fail = [error](AutoReplyIssue i) {
        if (error)
            *error = std::move(i);
        return false;
    };
    if (config.rules.size() > MaxRules)
        return fail(issue(QStringLiteral("rules"), -1,
                          AutoReplyRules::tr("%1 rules: at most %2 are allowed")
                              .arg(config.rules.size())
                              .arg(MaxRules)));
    if (config.echoDelayMs < 0 || config.echoDelayMs > MaxDelayMs)
        return fail(issue(QStringLiteral("echoDelayMs"), -1,
                          AutoReplyRules::tr("must be between 0 and %1 ms").arg(MaxDelayMs)));

    auto compiled = std::make_unique<Compiled>();
    compiled->config = config;
    for (int i = 0; i < config.rules.size(); ++i) {
        const AutoReplyRule &rule = config.rules[i];
        // Disabled rules are validated too: enabling one later must not be
        // the moment an error shows up.
        CompiledRule c;
        if (auto err = compileRule(rule, config.encoding, i, &c)) {
            err->ruleIndex = i;
            err->ruleName = rule.name;
            return fail(*err);
        }
        if (rule.enabled)
            compiled->rules.append(std::move(c));
    }
    compiled->trouble.resize(config.rules.size());
    m_compiled = std::move(compiled);
    if (m_batch) // its rule indexes were the old set's
        m_batch = std::make_unique<Batch>();
    return true;
}

bool AutoReplyRules::ruleMatches(int compiledIndex, FrameState &state,
                                 QRegularExpressionMatch *match)
{
    const CompiledRule &rule = m_compiled->rules.at(compiledIndex);
    switch (rule.match) {
    case Match::ExactBytes:
        return state.frame == QByteArrayView(rule.exact);
    case Match::HexPattern:
        return hexMatches(rule, state.frame);
    case Match::Substring:
        return state.decoded().contains(rule.text, rule.caseSensitivity);
    case Match::Regex:
        return regexMatches(compiledIndex, state, match);
    }
    return false;
}

// The rule's reply for this frame, captures filled in; false (and logged) when a capture
// cannot be encoded or the reply grows past MaxReplyBytes.
bool AutoReplyRules::buildReply(int compiledIndex, FrameState &state,
                                const QRegularExpressionMatch &match, QByteArray *bytes) const
{
    const CompiledRule &rule = m_compiled->rules.at(compiledIndex);
    for (const ReplyPiece &piece : rule.reply) {
        bool ok = true;
        if (piece.group < 0)
            *bytes += piece.bytes;
        else
            ok = state.captureBytes(match, piece.group, bytes);
        if (!ok || bytes->size() > MaxReplyBytes) {
            qCWarning(lcAutoReply, "rule \"%s\": reply not sent (%s)",
                      qUtf8Printable(rule.source),
                      ok ? "longer than the reply limit"
                         : "a capture cannot be encoded in the rule set's encoding");
            return false;
        }
    }
    return true;
}

std::optional<AutoReplyRules::Hit> AutoReplyRules::firstHit(QByteArrayView frame)
{
    const Compiled &c = *m_compiled;
    FrameState state{frame, c.config.encoding, {}, {}};
    for (int i = 0; i < c.rules.size(); ++i) {
        QRegularExpressionMatch match;
        if (!ruleMatches(i, state, &match))
            continue;
        Hit hit;
        hit.rule = c.rules.at(i).index;
        hit.ok = buildReply(i, state, match, &hit.bytes);
        if (!hit.ok)
            hit.bytes.clear();
        return hit;
    }
    return std::nullopt;
}

QList<AutoReply> AutoReplyRules::repliesFor(QByteArrayView frame, QByteArrayView stripped)
{
    const Compiled &c = *m_compiled;
    QList<AutoReply> out;
    auto echo = [&] {
        QByteArray bytes;
        bytes.reserve(frame.size() + stripped.size());
        bytes.append(frame).append(stripped);
        out.append({bytes, c.config.echoDelayMs, QStringLiteral("echo"), true});
    };
    if (c.config.echo == EchoMode::Always)
        echo();

    FrameState state{frame, c.config.encoding, {}, {}};
    bool matched = false;
    for (int i = 0; i < c.rules.size(); ++i) {
        QRegularExpressionMatch match;
        if (!ruleMatches(i, state, &match))
            continue;
        matched = true;
        const CompiledRule &rule = c.rules.at(i);
        QByteArray bytes;
        if (buildReply(i, state, match, &bytes) && !bytes.isEmpty())
            out.append({bytes, rule.delayMs, rule.source});
        if (c.config.matchMode == MatchMode::FirstMatch)
            break;
    }
    if (!matched && c.config.echo == EchoMode::Fallback)
        echo();
    return out;
}

// Outside a batch (direct callers, tests) only the step limit applies.
bool AutoReplyRules::regexMatches(int compiledIndex, FrameState &state,
                                  QRegularExpressionMatch *match)
{
    const CompiledRule &rule = m_compiled->rules.at(compiledIndex);
    Batch *b = m_batch.get();
    if (b && b->overSteps.contains(compiledIndex)) {
        ++b->overSteps[compiledIndex];
        return false;
    }
    if (b && b->spentNs >= qint64(BatchBudgetMs) * 1000000) {
        ++b->overTime[compiledIndex];
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    *match = rule.regex.match(state.decoded());
    if (b)
        b->spentNs += clock.nsecsElapsed();
    // A match that ran out of steps is invalid (PCRE2_ERROR_MATCHLIMIT); no match is valid.
    if (match->isValid())
        return match->hasMatch();
    if (b)
        b->overSteps.insert(compiledIndex, 1);
    m_compiled->trouble[rule.index] =
        tr("Auto-reply rule \u201C%1\u201D skipped: its pattern needed more than %2 "
           "backtracking steps for a %3-byte frame (repeats that overlap, such as (a|a)+, do "
           "that). Simplify the pattern.")
            .arg(rule.source)
            .arg(MatchStepLimit)
            .arg(state.frame.size());
    return false;
}

void AutoReplyRules::beginBatch()
{
    m_batch = std::make_unique<Batch>();
}

QStringList AutoReplyRules::endBatch()
{
    QStringList notices;
    if (!m_batch)
        return notices;
    const Compiled &c = *m_compiled;
    for (auto it = m_batch->overSteps.cbegin(); it != m_batch->overSteps.cend(); ++it) {
        const CompiledRule &rule = c.rules.at(it.key());
        notices << c.trouble.at(rule.index) + QLatin1Char(' ') +
                       tr("Frames skipped in this read: %1.").arg(it.value());
    }
    for (auto it = m_batch->overTime.cbegin(); it != m_batch->overTime.cend(); ++it) {
        const CompiledRule &rule = c.rules.at(it.key());
        m_compiled->trouble[rule.index] =
            tr("Auto-reply rule \u201C%1\u201D skipped: regex matching took more than %2 ms "
               "in one read (frames skipped: %3).")
                .arg(rule.source)
                .arg(BatchBudgetMs)
                .arg(it.value());
        notices << c.trouble.at(rule.index);
    }
    m_batch.reset();
    return notices;
}

QString AutoReplyRules::ruleTrouble(int ruleIndex) const
{
    return m_compiled->trouble.value(ruleIndex);
}

} // namespace sockscope
