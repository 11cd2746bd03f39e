#include "core/framing/framingspec.h"

#include <QCoreApplication>
#include <QList>

namespace sockscope {

namespace {

// Free functions have no tr(); this gives them one context that lupdate understands.
struct FramingText
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::FramingSpec)
};

// Strict unsigned decimal: no sign, no spaces, no "0x" - settings and CLI values should not
// depend on what QString::toLongLong happens to tolerate.
bool parseDecimal(QStringView text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    qint64 v = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    *value = v;
    return true;
}

bool parseSigned(QStringView text, qint64 *value)
{
    bool negative = false;
    if (!text.isEmpty() && (text.front() == u'-' || text.front() == u'+')) {
        negative = text.front() == u'-';
        text = text.mid(1);
    }
    if (!parseDecimal(text, value))
        return false;
    if (negative)
        *value = -*value;
    return true;
}

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

// Pairs of hex digits, spaces allowed between bytes ("0D0A", "0d 0a"). Deliberately local:
// the general hex codec accepts far more than a delimiter option should.
bool parseHexBytes(QStringView text, QByteArray *bytes)
{
    QByteArray result;
    int high = -1;
    for (QChar c : text) {
        if (c == u' ') {
            if (high >= 0)
                return false; // a space splitting a byte is a typo, not a separator
            continue;
        }
        const int v = hexValue(c);
        if (v < 0)
            return false;
        if (high < 0) {
            high = v;
        } else {
            result.append(char(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0 || result.isEmpty())
        return false;
    *bytes = result;
    return true;
}

QString hexUpper(const QByteArray &bytes, char separator = '\0')
{
    return QString::fromLatin1(bytes.toHex(separator).toUpper());
}

bool sizeInRange(qint64 v, qint64 lo, qint64 hi)
{
    return v >= lo && v <= hi;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return FramingText::tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return FramingText::tr("%1 KiB").arg(bytes / 1024);
    return FramingText::tr("%1 bytes").arg(bytes);
}

} // namespace

FramingSpec FramingSpec::raw()
{
    return FramingSpec();
}

FramingSpec FramingSpec::line()
{
    FramingSpec s = delimited(QByteArray("\n", 1));
    s.trimTrailingCr = true;
    return s;
}

FramingSpec FramingSpec::delimited(const QByteArray &delimiter, bool keepDelimiter)
{
    FramingSpec s;
    s.type = Type::Delimiter;
    s.delimiter = delimiter;
    s.keepDelimiter = keepDelimiter;
    return s;
}

FramingSpec FramingSpec::fixed(qsizetype length)
{
    FramingSpec s;
    s.type = Type::FixedLength;
    s.fixedLength = length;
    return s;
}

FramingSpec FramingSpec::lengthPrefixed(int lengthSize, Endian endian)
{
    FramingSpec s;
    s.type = Type::LengthPrefix;
    s.lengthSize = lengthSize;
    s.endian = endian;
    return s;
}

FramingSpec FramingSpec::idleGap(qint64 ms)
{
    FramingSpec s;
    s.type = Type::IdleGap;
    s.idleGapMs = ms;
    return s;
}

// Semantic equality: fields that the type does not use are ignored, so a spec edited in the
// UI (which may leave stale values behind) still compares equal to its parsed toString().
bool operator==(const FramingSpec &a, const FramingSpec &b)
{
    if (a.type != b.type || a.maxFrameSize != b.maxFrameSize)
        return false;
    switch (a.type) {
    case FramingSpec::Type::Raw:
        return true;
    case FramingSpec::Type::Delimiter:
        return a.delimiter == b.delimiter && a.keepDelimiter == b.keepDelimiter &&
               a.trimTrailingCr == b.trimTrailingCr;
    case FramingSpec::Type::FixedLength:
        return a.fixedLength == b.fixedLength;
    case FramingSpec::Type::LengthPrefix:
        return a.lengthSize == b.lengthSize && (a.lengthSize == 1 || a.endian == b.endian) &&
               a.lengthIncludesHeader == b.lengthIncludesHeader &&
               a.headerOffset == b.headerOffset && a.lengthAdjustment == b.lengthAdjustment;
    case FramingSpec::Type::IdleGap:
        return a.idleGapMs == b.idleGapMs;
    }
    return false;
}

QString validationError(const FramingSpec &spec)
{
    const QString limit = QString::number(FramingSpec::MaxSizeLimit);
    if (!sizeInRange(spec.maxFrameSize, 1, FramingSpec::MaxSizeLimit))
        return FramingText::tr("max: maximum frame size must be 1..%1").arg(limit);
    switch (spec.type) {
    case FramingSpec::Type::Raw:
        break;
    case FramingSpec::Type::Delimiter:
        if (!sizeInRange(spec.delimiter.size(), 1, FramingSpec::MaxDelimiterSize))
            return FramingText::tr("delim: delimiter must be 1..%1 bytes")
                .arg(FramingSpec::MaxDelimiterSize);
        break;
    case FramingSpec::Type::FixedLength:
        if (!sizeInRange(spec.fixedLength, 1, FramingSpec::MaxSizeLimit))
            return FramingText::tr("fixed: length must be 1..%1").arg(limit);
        break;
    case FramingSpec::Type::LengthPrefix:
        if (spec.lengthSize != 1 && spec.lengthSize != 2 && spec.lengthSize != 4)
            return FramingText::tr("len: length field must be 1, 2 or 4 bytes");
        if (!sizeInRange(spec.headerOffset, 0, FramingSpec::MaxHeaderOffset))
            return FramingText::tr("len: offset must be 0..%1").arg(FramingSpec::MaxHeaderOffset);
        if (!sizeInRange(spec.lengthAdjustment, -FramingSpec::MaxLengthAdjustment,
                         FramingSpec::MaxLengthAdjustment))
            return FramingText::tr("len: adjustment must be -%1..%1")
                .arg(FramingSpec::MaxLengthAdjustment);
        // The header must fit in the first piece of a frame, or its length could not be read.
        if (spec.maxFrameSize < spec.headerSize())
            return FramingText::tr("len: maximum frame size must be at least the header size (%1)")
                .arg(spec.headerSize());
        break;
    case FramingSpec::Type::IdleGap:
        if (!sizeInRange(spec.idleGapMs, 1, FramingSpec::MaxIdleGapMs))
            return FramingText::tr("gap: idle time must be 1..%1 ms")
                .arg(FramingSpec::MaxIdleGapMs);
        break;
    }
    return QString();
}

namespace {

// The kind and its own argument ("delim:0D0A", "len:2", ...). Sets *next to the index of the
// first option. Returns why it failed, or an empty string.
QString parseKind(const QList<QStringView> &parts, FramingSpec *spec, qsizetype *next)
{
    const QStringView kind = parts.front();
    qint64 number = 0;
    *next = 1;
    if (kind.isEmpty()) {
        return FramingText::tr("framing is empty; expected raw, line, delim:HEX, fixed:N, "
                               "len:1|2|4[:be|le] or gap:MS");
    } else if (kind == u"raw") {
        *spec = FramingSpec::raw();
        return QString();
    } else if (kind == u"line") {
        *spec = FramingSpec::line();
        return QString();
    }
    *next = 2;
    if (kind == u"delim") {
        QByteArray delimiter;
        if (parts.size() < 2 || !parseHexBytes(parts.at(1), &delimiter))
            return FramingText::tr("delim: expected hex bytes such as delim:0D0A");
        *spec = FramingSpec::delimited(delimiter);
    } else if (kind == u"fixed") {
        if (parts.size() < 2 || !parseDecimal(parts.at(1), &number))
            return FramingText::tr("fixed: expected a length such as fixed:16");
        *spec = FramingSpec::fixed(qsizetype(number));
    } else if (kind == u"len") {
        if (parts.size() < 2 || !parseDecimal(parts.at(1), &number))
            return FramingText::tr("len: expected the length field size such as len:2");
        *spec = FramingSpec::lengthPrefixed(int(qMin<qint64>(number, 1000)));
    } else if (kind == u"gap") {
        if (parts.size() < 2 || !parseDecimal(parts.at(1), &number))
            return FramingText::tr("gap: expected an idle time in ms such as gap:50");
        *spec = FramingSpec::idleGap(number);
    } else {
        return FramingText::tr("unknown framing '%1'; expected raw, line, delim:HEX, fixed:N, "
                               "len:1|2|4[:be|le] or gap:MS")
            .arg(kind);
    }
    return QString();
}

// One option, "key" or "key=value", of a spec of the given kind. Sets *explicitMax for max=N.
// Returns why it failed, or an empty string.
QString applyOption(QStringView kind, QStringView option, FramingSpec *s, bool *explicitMax)
{
    const bool isDelim = s->type == FramingSpec::Type::Delimiter;
    const bool isLen = s->type == FramingSpec::Type::LengthPrefix;
    const qsizetype eq = option.indexOf(u'=');
    const QStringView key = eq < 0 ? option : option.left(eq);
    const QStringView value = eq < 0 ? QStringView() : option.mid(eq + 1);
    const bool hasValue = eq >= 0;
    bool applies = true;
    bool valueOk = true;
    qint64 number = 0;

    if (key == u"max" && hasValue) {
        valueOk = parseDecimal(value, &number);
        s->maxFrameSize = qsizetype(qMin<qint64>(number, FramingSpec::MaxSizeLimit + 1));
        *explicitMax = true;
    } else if (key == u"keep" && !hasValue) {
        applies = isDelim;
        s->keepDelimiter = true;
    } else if (key == u"trimcr" && !hasValue) {
        applies = isDelim;
        s->trimTrailingCr = true;
    } else if ((key == u"be" || key == u"le") && !hasValue) {
        applies = isLen;
        s->endian = key == u"be" ? FramingSpec::Endian::Big : FramingSpec::Endian::Little;
    } else if (key == u"incl" && !hasValue) {
        applies = isLen;
        s->lengthIncludesHeader = true;
    } else if (key == u"off" && hasValue) {
        applies = isLen;
        valueOk = parseDecimal(value, &number);
        s->headerOffset = qsizetype(qMin<qint64>(number, FramingSpec::MaxHeaderOffset + 1));
    } else if (key == u"adj" && hasValue) {
        applies = isLen;
        valueOk = parseSigned(value, &number);
        s->lengthAdjustment = number;
    } else {
        return FramingText::tr("%1: unknown option '%2'").arg(kind, option);
    }
    if (!applies)
        return FramingText::tr("%1: option '%2' does not apply").arg(kind, key);
    if (!valueOk)
        return FramingText::tr("%1: bad value in '%2'").arg(kind, option);
    return QString();
}

// Every option after the kind, each at most once. Returns why it failed, or an empty string.
QString applyOptions(QStringView kind, const QList<QStringView> &options, FramingSpec *s)
{
    bool explicitMax = false;
    QList<QStringView> seen; // an option given twice would silently lose one value
    for (const QStringView option : options) {
        const qsizetype eq = option.indexOf(u'=');
        const QStringView key = eq < 0 ? option : option.left(eq);
        const bool byteOrder = key == u"be" || key == u"le";
        if (seen.contains(byteOrder ? QStringView(u"be|le") : key))
            return byteOrder ? FramingText::tr("%1: the byte order is given twice").arg(kind)
                             : FramingText::tr("%1: '%2' is given twice").arg(kind, key);
        seen.append(byteOrder ? QStringView(u"be|le") : key);
        const QString problem = applyOption(kind, option, s, &explicitMax);
        if (!problem.isEmpty())
            return problem;
    }

    // A fixed length is an explicit promise about frame size; cutting every frame into
    // pieces because of a default the user never saw would be surprising.
    if (s->type == FramingSpec::Type::FixedLength && !explicitMax &&
        s->fixedLength > s->maxFrameSize && s->fixedLength <= FramingSpec::MaxSizeLimit)
        s->maxFrameSize = s->fixedLength;
    return QString();
}

} // namespace

bool parseFramingSpec(QStringView text, FramingSpec *spec, QString *error)
{
    const QString lowered = text.trimmed().toString().toLower();
    const QList<QStringView> parts = QStringView(lowered).split(u':');

    FramingSpec s;
    qsizetype next = 1; // first option after the kind's own argument(s)
    QString problem = parseKind(parts, &s, &next);
    if (problem.isEmpty())
        problem = applyOptions(parts.front(), parts.mid(next), &s);
    if (problem.isEmpty())
        problem = validationError(s);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    *spec = s;
    return true;
}

QString toString(const FramingSpec &spec)
{
    QString text;
    switch (spec.type) {
    case FramingSpec::Type::Raw:
        text = QStringLiteral("raw");
        break;
    case FramingSpec::Type::Delimiter:
        if (spec.isLine()) {
            text = QStringLiteral("line");
        } else {
            text = QStringLiteral("delim:") + hexUpper(spec.delimiter);
            if (spec.trimTrailingCr)
                text += QStringLiteral(":trimcr");
        }
        if (spec.keepDelimiter)
            text += QStringLiteral(":keep");
        break;
    case FramingSpec::Type::FixedLength:
        text = QStringLiteral("fixed:%1").arg(spec.fixedLength);
        break;
    case FramingSpec::Type::LengthPrefix:
        text = QStringLiteral("len:%1").arg(spec.lengthSize);
        if (spec.lengthSize > 1)
            text += spec.endian == FramingSpec::Endian::Big ? QStringLiteral(":be")
                                                            : QStringLiteral(":le");
        if (spec.lengthIncludesHeader)
            text += QStringLiteral(":incl");
        if (spec.headerOffset != 0)
            text += QStringLiteral(":off=%1").arg(spec.headerOffset);
        if (spec.lengthAdjustment != 0)
            text += QStringLiteral(":adj=%1").arg(spec.lengthAdjustment);
        break;
    case FramingSpec::Type::IdleGap:
        text = QStringLiteral("gap:%1").arg(spec.idleGapMs);
        break;
    }
    // fixed:N may have raised the maximum implicitly; writing it out keeps the round trip exact.
    // The default maximum below a fixed length must be written too, or parsing raises it.
    if (spec.maxFrameSize != FramingSpec::DefaultMaxFrameSize ||
        (spec.type == FramingSpec::Type::FixedLength && spec.fixedLength > spec.maxFrameSize))
        text += QStringLiteral(":max=%1").arg(spec.maxFrameSize);
    return text;
}

QString describe(const FramingSpec &spec)
{
    QString text;
    switch (spec.type) {
    case FramingSpec::Type::Raw:
        text = FramingText::tr("Raw (each read as received)");
        break;
    case FramingSpec::Type::Delimiter:
        if (spec.isLine()) {
            text = spec.keepDelimiter ? FramingText::tr("Lines (LF or CR LF, kept)")
                                      : FramingText::tr("Lines (LF or CR LF)");
        } else {
            const QString hex = hexUpper(spec.delimiter, ' ');
            text = spec.keepDelimiter ? FramingText::tr("Delimiter %1 (kept)").arg(hex)
                                      : FramingText::tr("Delimiter %1 (stripped)").arg(hex);
            if (spec.trimTrailingCr && !spec.keepDelimiter)
                text += FramingText::tr(", trailing CR trimmed");
        }
        break;
    case FramingSpec::Type::FixedLength:
        text = FramingText::tr("Fixed length %1").arg(sizeText(spec.fixedLength));
        break;
    case FramingSpec::Type::LengthPrefix: {
        const QString order = spec.lengthSize == 1 ? QString()
                              : spec.endian == FramingSpec::Endian::Big
                                  ? FramingText::tr(" big-endian")
                                  : FramingText::tr(" little-endian");
        text = FramingText::tr("Length prefix, %1-byte%2").arg(spec.lengthSize).arg(order);
        if (spec.headerOffset != 0)
            text += FramingText::tr(" at offset %1").arg(spec.headerOffset);
        text += spec.lengthIncludesHeader ? FramingText::tr(", counts whole frame")
                                          : FramingText::tr(", counts bytes after it");
        if (spec.lengthAdjustment > 0)
            text += FramingText::tr(", %1 extra").arg(sizeText(spec.lengthAdjustment));
        else if (spec.lengthAdjustment < 0)
            text += FramingText::tr(", adjusted by %1").arg(spec.lengthAdjustment);
        break;
    }
    case FramingSpec::Type::IdleGap:
        text = FramingText::tr("Idle gap %1 ms").arg(spec.idleGapMs);
        break;
    }
    if (spec.maxFrameSize != FramingSpec::DefaultMaxFrameSize)
        text += FramingText::tr(", max frame %1").arg(sizeText(spec.maxFrameSize));
    return text;
}

} // namespace sockscope
