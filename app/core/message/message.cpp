#include "core/message/message.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/message/dynamicfields.h"

#include <QCoreApplication>

#include <optional>

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::Message)
};

struct Failure
{
    MessageError error = MessageError::None;
    qsizetype position = -1;
    qsizetype length = 0;
    QString message;
};

Failure fail(MessageError error, qsizetype position, qsizetype length, const QString &message)
{
    return {error, position, qMax<qsizetype>(1, length), message};
}

// Where in an escaped text chunk a character of the unescaped text came from.
// `unit` counts UTF-16 units of the Text segments only (\xNN yields bytes, not text).
struct SourceSpan
{
    qsizetype index = 0;
    qsizetype length = 1;
};

int hexDigitsValue(QStringView s)
{
    bool ok = false;
    const int v = s.toInt(&ok, 16);
    return ok ? v : -1;
}

SourceSpan escapedTextSource(QStringView chunk, qsizetype unit)
{
    const qsizetype n = chunk.size();
    qsizetype produced = 0;
    qsizetype i = 0;
    while (i < n) {
        qsizetype length = 1;
        qsizetype units = 1;
        if (chunk[i] == u'\\' && i + 1 < n) {
            const QChar c = chunk[i + 1];
            if (c == u'x') {
                i += 4; // a raw byte: no text
                continue;
            }
            if (c == u'u') {
                length = 6;
                const int value = i + 6 <= n ? hexDigitsValue(chunk.sliced(i + 2, 4)) : -1;
                if (value >= 0 && QChar::isHighSurrogate(char32_t(value))) {
                    length = 12; // parseEscapes only accepts it with its \u low surrogate
                    units = 2;
                }
            } else {
                length = 2;
            }
        } else if (chunk[i].isHighSurrogate() && i + 1 < n && chunk[i + 1].isLowSurrogate()) {
            length = 2;
            units = 2;
        }
        if (unit < produced + units)
            return {i, qMin(length, n - i)};
        produced += units;
        i += length;
    }
    return {n, 1};
}

QString unencodableMessage(const UnencodableChar &c, Encoding encoding)
{
    const char32_t cp = c.codePoint;
    return Tr::tr("character '%1' (U+%2) cannot be encoded in %3")
        .arg(QString::fromUcs4(&cp, 1))
        .arg(QString::number(uint(cp), 16).toUpper().rightJustified(4, u'0'))
        .arg(encodingName(encoding));
}

// Text (with escapes when on) to bytes. chunkPosition is where chunk starts in the content.
std::optional<Failure> appendTextBytes(QStringView chunk, qsizetype chunkPosition,
                                       Encoding encoding, bool escapes, QByteArray *out)
{
    if (!escapes) {
        const EncodeResult r = encodeText(chunk, encoding);
        if (!r.ok()) {
            const UnencodableChar &c = r.unencodable.first();
            return fail(MessageError::Unencodable, chunkPosition + c.position,
                        c.codePoint > 0xFFFF ? 2 : 1, unencodableMessage(c, encoding));
        }
        out->append(r.bytes);
        return std::nullopt;
    }

    const EscapeParseResult parsed = parseEscapes(chunk);
    if (!parsed.ok()) {
        const qsizetype at = parsed.errorPosition;
        qsizetype length = 2;
        if (at + 1 < chunk.size() && chunk[at + 1] == u'x')
            length = 4;
        else if (at + 1 < chunk.size() && chunk[at + 1] == u'u')
            length = 6;
        length = qMin(length, chunk.size() - at);
        return fail(MessageError::InvalidEscape, chunkPosition + at, length, parsed.errorString);
    }
    qsizetype textUnits = 0; // text units of the segments before the current one
    for (const EscapeSegment &segment : parsed.segments) {
        if (segment.kind == EscapeSegment::Kind::Bytes) {
            out->append(segment.bytes);
            continue;
        }
        const EncodeResult r = encodeText(segment.text, encoding);
        if (!r.ok()) {
            const UnencodableChar &c = r.unencodable.first();
            const SourceSpan span = escapedTextSource(chunk, textUnits + c.position);
            return fail(MessageError::Unencodable, chunkPosition + span.index, span.length,
                        unencodableMessage(c, encoding));
        }
        out->append(r.bytes);
        textUnits += segment.text.size();
    }
    return std::nullopt;
}

std::optional<Failure> appendLiteral(const MessageSpec &spec, const ContentToken &token,
                                     QByteArray *out)
{
    if (spec.format == MessageFormat::Text)
        return appendTextBytes(token.text, token.position, spec.encoding, spec.escapes, out);
    const HexParseResult r = parseHex(token.text);
    if (!r.ok())
        return fail(MessageError::InvalidHex, token.position + r.errorPosition, 1,
                    Tr::tr("invalid hex: %1").arg(r.error));
    out->append(r.bytes);
    return std::nullopt;
}

QList<ContentToken> wholeContentAsLiteral(const QString &content)
{
    return {ContentToken{ContentToken::Kind::Literal, 0, content, {}}};
}

// Splits the content into tokens per the spec: one literal without dynamic fields.
std::optional<Failure> tokenize(const MessageSpec &spec, QList<ContentToken> *tokens)
{
    if (!spec.dynamicFields) {
        *tokens = wholeContentAsLiteral(spec.content);
        return std::nullopt;
    }
    DynamicParseResult r =
        parseDynamicContent(spec.content, spec.format == MessageFormat::Text && spec.escapes);
    if (!r.ok())
        return fail(MessageError::InvalidField, r.errorPosition, r.errorLength, r.errorString);
    *tokens = std::move(r.tokens);
    return std::nullopt;
}

QByteArray integerBytes(const DynamicField &field, qint64 value)
{
    if (field.format == FieldFormat::Binary)
        return formatIntegerBinary(field, quint64(value));
    return formatIntegerText(field, value).toLatin1(); // ASCII: the same in every encoding
}

QByteArray randomBytes(QRandomGenerator &rng, int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; i += 4) {
        const quint32 word = rng.generate();
        for (int k = 0; k < 4 && i + k < count; ++k)
            out[i + k] = char((word >> (8 * k)) & 0xFF);
    }
    return out;
}

// A piece of the frame: fixed bytes, or a {{len}} resolved at the end.
struct Part
{
    QByteArray bytes;
    const DynamicField *lengthField = nullptr;
};

// Everything a build needs besides the spec.
struct Inputs
{
    quint64 sequence = 0;
    const DynamicContext *clock = nullptr;
    QRandomGenerator *random = nullptr;
};

struct Output
{
    MessageBuildResult result;
    bool usedCounter = false;
};

MessageBuildResult failed(const Failure &f)
{
    MessageBuildResult r;
    r.error = f.error;
    r.errorPosition = f.position;
    r.errorLength = f.error == MessageError::Empty ? 0 : f.length;
    r.errorString = f.message;
    return r;
}

// Finds the smallest self-consistent set of {{len}} sizes: a decimal length's
// own digit count is part of the length. Sizes only grow, so this converges.
std::optional<Failure> resolveLengths(QList<Part> *parts, qsizetype suffixSize)
{
    QList<qsizetype> sizes;
    for (const Part &p : *parts)
        sizes.append(p.lengthField ? (p.lengthField->format == FieldFormat::Binary
                                          ? p.lengthField->byteWidth
                                          : qMax(1, p.lengthField->padWidth))
                                   : p.bytes.size());
    for (int round = 0; round < 64; ++round) {
        qsizetype total = suffixSize;
        for (qsizetype s : sizes)
            total += s;
        bool changed = false;
        qsizetype end = 0; // offset just after the current part
        for (qsizetype k = 0; k < parts->size(); ++k) {
            end += sizes[k];
            Part &part = (*parts)[k];
            const DynamicField *field = part.lengthField;
            if (!field)
                continue;
            const qint64 value = qint64(field->afterField ? total - end : total) + field->adjust;
            if (!integerFits(*field, value)) {
                const QString reason = value < 0
                                           ? Tr::tr("the length would be negative (%1)").arg(value)
                                           : Tr::tr("the length %1 does not fit in %2 byte(s)")
                                                 .arg(value)
                                                 .arg(field->byteWidth);
                return fail(MessageError::InvalidField, field->position, field->length, reason);
            }
            part.bytes = integerBytes(*field, value);
            if (part.bytes.size() != sizes[k]) {
                sizes[k] = part.bytes.size();
                changed = true;
            }
        }
        if (!changed)
            return std::nullopt;
    }
    const DynamicField *first = nullptr;
    for (const Part &p : *parts)
        first = first ? first : p.lengthField;
    return fail(MessageError::InvalidField, first->position, first->length,
                Tr::tr("the lengths do not settle on a consistent value"));
}

std::optional<Failure> appendTime(const DynamicField &field, const QDateTime &now,
                                  Encoding encoding, QByteArray *bytes)
{
    switch (field.timeStyle) {
    case TimeStyle::Unix:
        bytes->append(integerBytes(field, now.toSecsSinceEpoch()));
        break;
    case TimeStyle::UnixMs:
        bytes->append(integerBytes(field, now.toMSecsSinceEpoch()));
        break;
    case TimeStyle::Iso: {
        // Always with its offset, so the receiver knows which time it is.
        const QDateTime withOffset = now.toOffsetFromUtc(now.offsetFromUtc());
        bytes->append(withOffset.toString(Qt::ISODateWithMs).toLatin1());
        break;
    }
    case TimeStyle::Pattern: {
        const EncodeResult r = encodeText(now.toString(field.timePattern), encoding);
        if (!r.ok())
            return fail(MessageError::Unencodable, field.position, field.length,
                        unencodableMessage(r.unencodable.first(), encoding));
        bytes->append(r.bytes);
        break;
    }
    }
    return std::nullopt;
}

// The tokens as frame parts: literals and fields filled in, each {{len}} in a
// part of its own (resolved once the whole size is known). Notes in `out`
// whether the counter was used and whether the frame varies with the time.
std::optional<Failure> buildParts(const MessageSpec &spec, const QList<ContentToken> &tokens,
                                  const Inputs &in, QList<Part> *parts, Output *out)
{
    std::optional<QDateTime> now; // one timestamp for every time field of the frame
    for (const ContentToken &token : tokens) {
        QByteArray &bytes = parts->last().bytes;
        if (token.kind == ContentToken::Kind::Literal) {
            if (const auto f = appendLiteral(spec, token, &bytes))
                return f;
            continue;
        }
        const DynamicField &field = token.field;
        switch (field.kind) {
        case FieldKind::Counter: {
            // Unsigned arithmetic wraps instead of overflowing.
            const quint64 v = quint64(field.start) + quint64(field.step) * in.sequence;
            bytes.append(integerBytes(field, qint64(v)));
            out->usedCounter = true;
            break;
        }
        case FieldKind::Time:
            if (!now)
                now = in.clock->now();
            out->result.varies = true;
            if (const auto f = appendTime(field, *now, spec.encoding, &bytes))
                return f;
            break;
        case FieldKind::Random:
            bytes.append(randomBytes(*in.random, field.randomCount));
            break;
        case FieldKind::Length:
            parts->append(Part{{}, &token.field});
            parts->append(Part{});
            break;
        }
    }
    return std::nullopt;
}

Output buildWith(const MessageSpec &spec, const Inputs &in)
{
    Output out;
    auto failWith = [&out](const Failure &f) {
        out.result = failed(f);
        return out;
    };
    const Failure empty = {MessageError::Empty, 0, 0, Tr::tr("the message is empty")};
    if (spec.content.isEmpty())
        return failWith(empty);

    QList<ContentToken> tokens;
    if (const auto f = tokenize(spec, &tokens))
        return failWith(*f);

    QList<Part> parts{Part{}};
    if (const auto f = buildParts(spec, tokens, in, &parts, &out))
        return failWith(*f);

    const bool hasLength = parts.size() > 1; // each {{len}} adds a part and the one after it
    if (!hasLength && parts.first().bytes.isEmpty())
        return failWith(empty);

    const QByteArray ending = lineEndingBytes(spec.lineEnding);
    if (hasLength) {
        if (const auto f = resolveLengths(&parts, ending.size() + checksumWidth(spec.checksum)))
            return failWith(*f);
    }

    QByteArray frame;
    for (const Part &p : parts)
        frame.append(p.bytes);
    frame.append(ending);
    appendChecksum(frame, spec.checksum, spec.checksumOrder);
    out.result.bytes = frame;
    return out;
}

// ---- hex -> text ------------------------------------------------------------

bool isC1(char32_t c)
{
    return c >= 0x80 && c <= 0x9F;
}

void appendByteEscapes(QByteArrayView bytes, QString *out)
{
    for (const char b : bytes)
        out->append(QLatin1String("\\x") + toHexString(QByteArrayView(&b, 1), 0));
}

// Decoded bytes as an editor would show them: `escaped` is exact with escapes on;
// `plain` (valid only when clean) is exact with escapes off.
struct EditorText
{
    QString escaped;
    QString plain;
    bool clean = true;
};

// Decodes one byte window on its own; true if it is exactly one valid character.
bool decodeOneChar(QByteArrayView window, Encoding encoding, QString *text)
{
    StreamDecoder decoder(encoding, InvalidBytes::Replacement);
    QString s = decoder.decode(window);
    s += decoder.finish();
    if (decoder.invalidByteCount() != 0 || s.isEmpty())
        return false;
    const qsizetype units = s.front().isHighSurrogate() ? 2 : 1;
    if (s.size() != units)
        return false;
    *text = s;
    return true;
}

EditorText decodeForEditor(QByteArrayView bytes, Encoding encoding)
{
    EditorText out;
    {
        StreamDecoder decoder(encoding, InvalidBytes::Replacement);
        QString s = decoder.decode(bytes);
        s += decoder.finish();
        bool c1 = false;
        bool controls = false;
        for (const QChar c : s) {
            c1 = c1 || isC1(c.unicode());
            controls = controls ||
                       ((c.unicode() < 0x20 && c != u'\t' && c != u'\n') || c.unicode() == 0x7F);
        }
        if (decoder.invalidByteCount() == 0 && !c1 && encodeText(s, encoding).bytes == bytes) {
            out.escaped = escapeForDisplay(s);
            out.clean = !controls;
            if (out.clean)
                out.plain = s;
            return out;
        }
    }

    // Something does not survive a round trip: go character by character and
    // write whatever is not a clean, re-encodable character as \xNN.
    out.clean = false;
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        bool done = false;
        for (qsizetype len = 1; len <= 4 && i + len <= n; ++len) {
            const QByteArrayView window = bytes.sliced(i, len);
            QString ch;
            if (!decodeOneChar(window, encoding, &ch))
                continue;
            const EncodeResult back = encodeText(ch, encoding);
            if (back.ok() && back.bytes == window && !isC1(ch.toUcs4().value(0)))
                out.escaped += escapeForDisplay(ch);
            else // e.g. GB18030 4-byte forms, GBK 0x80 (euro), C1 controls
                appendByteEscapes(window, &out.escaped);
            i += len;
            done = true;
            break;
        }
        if (!done) {
            appendByteEscapes(bytes.sliced(i, 1), &out.escaped);
            ++i;
        }
    }
    return out;
}

ContentConversion conversionError(const Failure &f)
{
    ContentConversion c;
    c.errorPosition = f.position;
    c.errorLength = f.length;
    c.errorString = f.message;
    return c;
}

} // namespace

QString lineEndingId(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None:
        return QStringLiteral("none");
    case LineEnding::LF:
        return QStringLiteral("lf");
    case LineEnding::CRLF:
        return QStringLiteral("crlf");
    case LineEnding::CR:
        return QStringLiteral("cr");
    }
    return {};
}

bool lineEndingFromName(QStringView name, LineEnding *ending)
{
    struct Alias
    {
        const char16_t *name;
        LineEnding ending;
    };
    static const Alias aliases[] = {
        {u"none", LineEnding::None}, {u"lf", LineEnding::LF},  {u"crlf", LineEnding::CRLF},
        {u"cr", LineEnding::CR},     {u"\\n", LineEnding::LF}, {u"\\r\\n", LineEnding::CRLF},
        {u"\\r", LineEnding::CR},    {u"\n", LineEnding::LF},  {u"\r\n", LineEnding::CRLF},
        {u"\r", LineEnding::CR},
    };
    for (const Alias &a : aliases) {
        if (name.compare(QStringView(a.name), Qt::CaseInsensitive) == 0) {
            *ending = a.ending;
            return true;
        }
    }
    return false;
}

QByteArray lineEndingBytes(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None:
        return {};
    case LineEnding::LF:
        return QByteArrayLiteral("\n");
    case LineEnding::CRLF:
        return QByteArrayLiteral("\r\n");
    case LineEnding::CR:
        return QByteArrayLiteral("\r");
    }
    return {};
}

MessageBuildResult build(const MessageSpec &spec, DynamicContext *ctx)
{
    DynamicContext scratch;
    DynamicContext &state = ctx ? *ctx : scratch;
    // Draw from a copy and commit it only on success: a refused message must
    // not change what the next one sends.
    QRandomGenerator random = state.random();
    Output out = buildWith(spec, {state.sequence(), &state, &random});
    out.result.varies = false; // only meaningful for previews
    if (out.result.ok()) {
        state.random() = random;
        if (out.usedCounter)
            state.advance();
    }
    return out.result;
}

MessageBuildResult preview(const MessageSpec &spec, const DynamicContext *ctx)
{
    const DynamicContext scratch;
    const DynamicContext &state = ctx ? *ctx : scratch;
    QRandomGenerator random = state.random(); // the same bytes the next build() draws
    return buildWith(spec, {state.sequence(), &state, &random}).result;
}

ContentConversion textToHex(const MessageSpec &spec)
{
    MessageSpec text = spec;
    text.format = MessageFormat::Text;
    QList<ContentToken> tokens;
    if (const auto f = tokenize(text, &tokens))
        return conversionError(*f);

    QStringList parts;
    for (const ContentToken &token : tokens) {
        if (token.kind == ContentToken::Kind::Field) {
            parts.append(spec.content.mid(token.field.position, token.field.length));
            continue;
        }
        QByteArray bytes;
        if (const auto f = appendLiteral(text, token, &bytes))
            return conversionError(*f);
        if (!bytes.isEmpty())
            parts.append(toHexString(bytes));
    }
    ContentConversion result;
    result.content = parts.join(u' ');
    return result;
}

ContentConversion hexToText(const MessageSpec &spec)
{
    MessageSpec hex = spec;
    hex.format = MessageFormat::Hex;
    QList<ContentToken> tokens;
    if (const auto f = tokenize(hex, &tokens))
        return conversionError(*f);

    QString escaped;
    QString plain;
    bool clean = true;
    for (const ContentToken &token : tokens) {
        if (token.kind == ContentToken::Kind::Field) {
            const QString field = spec.content.mid(token.field.position, token.field.length);
            escaped += field;
            plain += field;
            continue;
        }
        QByteArray bytes;
        if (const auto f = appendLiteral(hex, token, &bytes))
            return conversionError(*f);
        const EditorText t = decodeForEditor(bytes, spec.encoding);
        // With fields on, a decoded "{{" must not turn into a field.
        escaped += spec.dynamicFields ? escapeLiteralBraces(t.escaped) : t.escaped;
        plain += spec.dynamicFields ? escapeLiteralBraces(t.plain) : t.plain;
        clean = clean && t.clean;
    }

    ContentConversion result;
    if (spec.escapes || clean) {
        result.content = spec.escapes ? escaped : plain;
        return result;
    }
    result.content = escaped;
    result.needsEscapes = true;
    result.notice = Tr::tr("The bytes include control characters or bytes that are not valid "
                           "%1 text. They can only be kept exactly as escape sequences such "
                           "as \\r or \\xFF: turn on escapes to edit them as text.")
                        .arg(encodingName(spec.encoding));
    return result;
}

} // namespace sockscope
