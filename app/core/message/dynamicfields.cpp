#include "core/message/dynamicfields.h"

#include <QCoreApplication>

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::DynamicFields)
};

constexpr qsizetype kMaxPadWidth = 64;
constexpr int kMaxRandomBytes = 65536;

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return isAsciiLetter(c) || (u >= u'0' && u <= u'9') || u == u'_';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// An option of a field with its place in the content, for error positions.
struct Item
{
    QStringView text;
    qsizetype position = 0;
};

// Splits "a, b=1 ,c" into trimmed items, remembering where each starts.
QList<Item> splitItems(QStringView arg, qsizetype argPosition)
{
    QList<Item> items;
    qsizetype begin = 0;
    for (qsizetype i = 0; i <= arg.size(); ++i) {
        if (i < arg.size() && arg[i] != u',')
            continue;
        qsizetype b = begin;
        qsizetype e = i;
        while (b < e && isSpace(arg[b]))
            ++b;
        while (e > b && isSpace(arg[e - 1]))
            --e;
        items.append({arg.sliced(b, e - b), argPosition + b});
        begin = i + 1;
    }
    return items;
}

// Result of reading one field's options.
struct FieldError
{
    qsizetype position = -1;
    qsizetype length = 0;
    QString message;
};

FieldError errorAt(const Item &item, const QString &message)
{
    return {item.position, qMax<qsizetype>(1, item.text.size()), message};
}

// "dec", "hex", "u8", "u16be"... Returns false if the item is not a format keyword.
bool applyFormatKeyword(QStringView word, DynamicField *field)
{
    struct Keyword
    {
        const char16_t *name;
        FieldFormat format;
        int width;
        ByteOrder order;
    };
    static const Keyword keywords[] = {
        {u"dec", FieldFormat::Decimal, 0, ByteOrder::BigEndian},
        {u"hex", FieldFormat::HexText, 0, ByteOrder::BigEndian},
        {u"u8", FieldFormat::Binary, 1, ByteOrder::BigEndian},
        {u"u16", FieldFormat::Binary, 2, ByteOrder::BigEndian},
        {u"u16be", FieldFormat::Binary, 2, ByteOrder::BigEndian},
        {u"u16le", FieldFormat::Binary, 2, ByteOrder::LittleEndian},
        {u"u32", FieldFormat::Binary, 4, ByteOrder::BigEndian},
        {u"u32be", FieldFormat::Binary, 4, ByteOrder::BigEndian},
        {u"u32le", FieldFormat::Binary, 4, ByteOrder::LittleEndian},
        {u"u64", FieldFormat::Binary, 8, ByteOrder::BigEndian},
        {u"u64be", FieldFormat::Binary, 8, ByteOrder::BigEndian},
        {u"u64le", FieldFormat::Binary, 8, ByteOrder::LittleEndian},
    };
    for (const Keyword &k : keywords) {
        if (word.compare(QStringView(k.name), Qt::CaseInsensitive) == 0) {
            field->format = k.format;
            field->byteWidth = k.width;
            field->byteOrder = k.order;
            return true;
        }
    }
    return false;
}

bool splitKeyValue(QStringView item, QStringView *key, QStringView *value)
{
    const qsizetype eq = item.indexOf(u'=');
    if (eq < 0)
        return false;
    *key = item.first(eq).trimmed();
    *value = item.sliced(eq + 1).trimmed();
    return true;
}

bool readInteger(QStringView text, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok, 10);
    if (ok)
        *value = v;
    return ok;
}

// Options shared by counter and len: a format keyword, width=N and the ones
// the caller handles (extra). Returns an error for anything unknown.
FieldError readIntegerOptions(
    const QList<Item> &items, DynamicField *field,
    const std::function<bool(const Item &, QStringView, QStringView, bool, FieldError *)> &extra)
{
    bool formatSeen = false;
    for (const Item &item : items) {
        if (item.text.isEmpty())
            return errorAt(item, Tr::tr("empty option"));
        if (applyFormatKeyword(item.text, field)) {
            if (formatSeen)
                return errorAt(item, Tr::tr("more than one format given"));
            formatSeen = true;
            continue;
        }
        QStringView key;
        QStringView value;
        const bool hasValue = splitKeyValue(item.text, &key, &value);
        if (!hasValue)
            key = item.text;
        if (hasValue && key.compare(u"width", Qt::CaseInsensitive) == 0) {
            qint64 width = 0;
            if (!readInteger(value, &width) || width < 1 || width > kMaxPadWidth)
                return errorAt(item,
                               Tr::tr("width must be a number from 1 to %1").arg(kMaxPadWidth));
            field->padWidth = int(width);
            continue;
        }
        FieldError error;
        if (extra(item, key, value, hasValue, &error)) {
            if (error.position >= 0)
                return error;
            continue;
        }
        return errorAt(item, Tr::tr("unknown option \"%1\"").arg(item.text));
    }
    if (field->padWidth > 0 && field->format == FieldFormat::Binary) {
        const Item &last = items.last();
        return errorAt(last, Tr::tr("width applies to dec and hex only; a binary field "
                                    "always takes its size in bytes"));
    }
    return {};
}

FieldError parseCounter(const QList<Item> &items, DynamicField *field)
{
    return readIntegerOptions(
        items, field,
        [field](const Item &item, QStringView key, QStringView value, bool hasValue,
                FieldError *error) {
            const bool isStart = key.compare(u"start", Qt::CaseInsensitive) == 0;
            const bool isStep = key.compare(u"step", Qt::CaseInsensitive) == 0;
            if (!hasValue || (!isStart && !isStep))
                return false;
            qint64 number = 0;
            if (!readInteger(value, &number))
                *error = errorAt(item, Tr::tr("%1 needs a whole number").arg(key));
            else if (isStart)
                field->start = number;
            else
                field->step = number;
            return true;
        });
}

FieldError parseLength(const QList<Item> &items, DynamicField *field)
{
    return readIntegerOptions(
        items, field,
        [field](const Item &item, QStringView key, QStringView value, bool hasValue,
                FieldError *error) {
            if (!hasValue && key.compare(u"after", Qt::CaseInsensitive) == 0) {
                field->afterField = true;
                return true;
            }
            if (!hasValue || key.compare(u"adjust", Qt::CaseInsensitive) != 0)
                return false;
            qint64 number = 0;
            if (!readInteger(value, &number) || number < -(1LL << 40) || number > (1LL << 40))
                *error = errorAt(item, Tr::tr("adjust needs a whole number such as -2"));
            else
                field->adjust = number;
            return true;
        });
}

FieldError parseRandom(QStringView arg, qsizetype argPosition, DynamicField *field)
{
    if (arg.isEmpty())
        return {};
    qint64 count = 0;
    if (!readInteger(arg, &count) || count < 1 || count > kMaxRandomBytes)
        return errorAt({arg, argPosition},
                       Tr::tr("random takes a byte count from 1 to %1").arg(kMaxRandomBytes));
    field->randomCount = int(count);
    return {};
}

// "unix", "unixms", "iso", a binary format (with or without unix/unixms) are
// keywords; anything else is a QDateTime pattern.
FieldError parseTime(QStringView arg, qsizetype argPosition, DynamicField *field)
{
    if (arg.isEmpty()) {
        field->timePattern = QStringLiteral("HH:mm:ss.zzz");
        return {};
    }
    const QList<Item> items = splitItems(arg, argPosition);
    auto styleOf = [](QStringView word, TimeStyle *style) {
        if (word.compare(u"unix", Qt::CaseInsensitive) == 0)
            *style = TimeStyle::Unix;
        else if (word.compare(u"unixms", Qt::CaseInsensitive) == 0)
            *style = TimeStyle::UnixMs;
        else if (word.compare(u"iso", Qt::CaseInsensitive) == 0)
            *style = TimeStyle::Iso;
        else
            return false;
        return true;
    };
    TimeStyle style = TimeStyle::Pattern;
    DynamicField probe;
    const bool keywordMode =
        styleOf(items.first().text, &style) || applyFormatKeyword(items.first().text, &probe);
    if (!keywordMode) {
        field->timeStyle = TimeStyle::Pattern;
        field->timePattern = arg.toString();
        return {};
    }

    bool styleSeen = false;
    bool formatSeen = false;
    for (const Item &item : items) {
        TimeStyle s;
        if (styleOf(item.text, &s)) {
            if (styleSeen)
                return errorAt(item, Tr::tr("more than one time style given"));
            styleSeen = true;
            field->timeStyle = s;
            continue;
        }
        if (applyFormatKeyword(item.text, field)) {
            if (formatSeen)
                return errorAt(item, Tr::tr("more than one format given"));
            formatSeen = true;
            if (field->format == FieldFormat::Binary && field->byteWidth < 4)
                return errorAt(item, Tr::tr("a binary time needs u32 or u64"));
            continue;
        }
        QStringView key;
        QStringView value;
        qint64 width = 0;
        if (splitKeyValue(item.text, &key, &value) &&
            key.compare(u"width", Qt::CaseInsensitive) == 0 && readInteger(value, &width) &&
            width >= 1 && width <= kMaxPadWidth) {
            field->padWidth = int(width);
            continue;
        }
        return errorAt(item, Tr::tr("unknown time option \"%1\": use unix, unixms, iso, a "
                                    "binary format such as u32be, or a pattern such as "
                                    "HH:mm:ss.zzz")
                                 .arg(item.text));
    }
    if (!styleSeen) // a bare u32 is seconds, a bare u64 milliseconds
        field->timeStyle = field->byteWidth == 8 ? TimeStyle::UnixMs : TimeStyle::Unix;
    if (field->timeStyle == TimeStyle::Iso && (formatSeen || field->padWidth > 0))
        return errorAt(items.first(), Tr::tr("iso takes no other options"));
    if (field->format == FieldFormat::Binary && field->padWidth > 0)
        return errorAt(items.last(), Tr::tr("width applies to dec and hex only"));
    return {};
}

// Parses the inside of "{{...}}"; inner starts at content index innerPosition.
FieldError parseField(QStringView inner, qsizetype innerPosition, DynamicField *field)
{
    qsizetype i = 0;
    while (i < inner.size() && isSpace(inner[i]))
        ++i;
    const qsizetype nameStart = i;
    while (i < inner.size() && isNameChar(inner[i]))
        ++i;
    const QStringView name = inner.sliced(nameStart, i - nameStart);
    while (i < inner.size() && isSpace(inner[i]))
        ++i;

    QStringView arg;
    qsizetype argPosition = innerPosition + i;
    if (i < inner.size()) {
        if (inner[i] != u':')
            return {innerPosition + i, 1,
                    Tr::tr("expected ':' or '}}' after the field name \"%1\"").arg(name)};
        ++i;
        qsizetype b = i;
        qsizetype e = inner.size();
        while (b < e && isSpace(inner[b]))
            ++b;
        while (e > b && isSpace(inner[e - 1]))
            --e;
        arg = inner.sliced(b, e - b);
        argPosition = innerPosition + b;
    }

    const Item nameItem{name, innerPosition + nameStart};
    if (name.compare(u"counter", Qt::CaseInsensitive) == 0) {
        field->kind = FieldKind::Counter;
        return arg.isEmpty() ? FieldError{} : parseCounter(splitItems(arg, argPosition), field);
    }
    if (name.compare(u"len", Qt::CaseInsensitive) == 0 ||
        name.compare(u"length", Qt::CaseInsensitive) == 0) {
        field->kind = FieldKind::Length;
        return arg.isEmpty() ? FieldError{} : parseLength(splitItems(arg, argPosition), field);
    }
    if (name.compare(u"time", Qt::CaseInsensitive) == 0) {
        field->kind = FieldKind::Time;
        return parseTime(arg, argPosition, field);
    }
    if (name.compare(u"random", Qt::CaseInsensitive) == 0) {
        field->kind = FieldKind::Random;
        field->format = FieldFormat::Binary;
        return parseRandom(arg, argPosition, field);
    }
    return errorAt(nameItem, Tr::tr("unknown field \"%1\": the fields are counter, time, random "
                                    "and len (write {{{{ for a literal {{)")
                                 .arg(name));
}

DynamicParseResult failure(qsizetype position, qsizetype length, const QString &message)
{
    DynamicParseResult r;
    r.errorPosition = position;
    r.errorLength = qMax<qsizetype>(1, length);
    r.errorString = message;
    return r;
}

} // namespace

DynamicParseResult parseDynamicContent(QStringView content, bool backslashEscapes)
{
    DynamicParseResult result;
    const qsizetype n = content.size();
    qsizetype literalStart = 0;

    auto flush = [&](qsizetype end) {
        if (end > literalStart)
            result.tokens.append({ContentToken::Kind::Literal,
                                  literalStart,
                                  content.sliced(literalStart, end - literalStart).toString(),
                                  {}});
    };
    // With escapes on, "\{{counter}}" would read as an escaped brace to a user,
    // but escapes know no brace: say so instead of "lone backslash".
    auto oddBackslashBefore = [&](qsizetype i) {
        qsizetype count = 0;
        while (i - count - 1 >= literalStart && content[i - count - 1] == u'\\')
            ++count;
        return count % 2 == 1;
    };

    qsizetype i = 0;
    while (i < n) {
        if (content[i] != u'{' || i + 1 >= n || content[i + 1] != u'{') {
            ++i;
            continue;
        }
        const bool literalBraces = i + 3 < n && content[i + 2] == u'{' && content[i + 3] == u'{';
        qsizetype j = i + 2;
        while (j < n && isSpace(content[j]))
            ++j;
        const bool field = !literalBraces && j < n && isAsciiLetter(content[j]);
        if (!literalBraces && !field) {
            ++i; // "{{" not followed by a name, e.g. JSON "{{\"a\"": literal
            continue;
        }
        if (backslashEscapes && oddBackslashBefore(i))
            return failure(i - 1, 1,
                           Tr::tr("a backslash cannot escape a brace: write \\\\ for a backslash, "
                                  "or {{{{ for a literal {{"));
        if (literalBraces) {
            flush(i);
            result.tokens.append({ContentToken::Kind::Literal, i, QStringLiteral("{{"), {}});
            i += 4;
            literalStart = i;
            continue;
        }
        const qsizetype close = content.indexOf(u"}}", i + 2);
        if (close < 0)
            return failure(i, n - i,
                           Tr::tr("the field is not closed with }} (write {{{{ for a literal {{)"));
        ContentToken token;
        token.kind = ContentToken::Kind::Field;
        token.position = i;
        token.field.position = i;
        token.field.length = close + 2 - i;
        const FieldError error =
            parseField(content.sliced(i + 2, close - i - 2), i + 2, &token.field);
        if (error.position >= 0)
            return failure(error.position, error.length, error.message);
        flush(i);
        result.tokens.append(token);
        i = close + 2;
        literalStart = i;
    }
    flush(n);
    return result;
}

QString escapeLiteralBraces(QStringView literal)
{
    QString out;
    out.reserve(literal.size());
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal[i] == u'{' && i + 1 < literal.size() && literal[i + 1] == u'{') {
            out += QLatin1String("{{{{");
            ++i;
        } else {
            out += literal[i];
        }
    }
    return out;
}

QString formatIntegerText(const DynamicField &field, qint64 value)
{
    const bool negative = value < 0;
    // Magnitude as unsigned so that INT64_MIN works too.
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    QString digits = QString::number(magnitude, field.format == FieldFormat::HexText ? 16 : 10);
    if (field.format == FieldFormat::HexText)
        digits = digits.toUpper();
    if (digits.size() < field.padWidth)
        digits.prepend(QString(field.padWidth - digits.size(), u'0'));
    if (negative)
        digits.prepend(u'-');
    return digits;
}

QByteArray formatIntegerBinary(const DynamicField &field, quint64 value)
{
    const int width = field.byteWidth;
    QByteArray out(width, Qt::Uninitialized);
    for (int k = 0; k < width; ++k) {
        const char byte = char((value >> (8 * k)) & 0xFF);
        if (field.byteOrder == ByteOrder::LittleEndian)
            out[k] = byte;
        else
            out[width - 1 - k] = byte;
    }
    return out;
}

bool integerFits(const DynamicField &field, qint64 value)
{
    if (value < 0)
        return false;
    if (field.format != FieldFormat::Binary || field.byteWidth >= 8)
        return true;
    return quint64(value) < (quint64(1) << (8 * field.byteWidth));
}

DynamicContext::DynamicContext() : m_random(QRandomGenerator::global()->generate()) {}

void DynamicContext::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime DynamicContext::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTime();
}

} // namespace sockscope
