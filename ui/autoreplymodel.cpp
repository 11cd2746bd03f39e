#include "autoreplymodel.h"

#include <QApplication>
#include <QComboBox>
#include <QIcon>
#include <QLineEdit>
#include <QSpinBox>
#include <QStyle>

namespace sockscope {

namespace {

using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;

constexpr int MaxToolTipChars = 400;

QString elided(const QString &text)
{
    if (text.size() <= MaxToolTipChars)
        return text;
    return text.left(MaxToolTipChars) + QChar(0x2026);
}

} // namespace

// --- match kinds ------------------------------------------------------------

AutoReplyModel::MatchKind AutoReplyModel::matchKind(const AutoReplyRule &rule)
{
    switch (rule.match) {
    case Match::ExactBytes:
        return rule.patternFormat == Format::Hex ? MatchKind::ExactHex : MatchKind::ExactText;
    case Match::HexPattern:
        return rule.contains ? MatchKind::HexPatternAnywhere : MatchKind::HexPattern;
    case Match::Substring:
        return rule.ignoreCase ? MatchKind::SubstringIgnoreCase : MatchKind::Substring;
    case Match::Regex:
        return rule.ignoreCase ? MatchKind::RegexIgnoreCase : MatchKind::Regex;
    }
    return MatchKind::Substring;
}

void AutoReplyModel::applyMatchKind(AutoReplyRule *rule, MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExactText:
    case MatchKind::ExactHex:
        rule->match = Match::ExactBytes;
        rule->patternFormat = kind == MatchKind::ExactHex ? Format::Hex : Format::Text;
        break;
    case MatchKind::HexPattern:
    case MatchKind::HexPatternAnywhere:
        rule->match = Match::HexPattern;
        rule->contains = kind == MatchKind::HexPatternAnywhere;
        break;
    case MatchKind::Substring:
    case MatchKind::SubstringIgnoreCase:
        rule->match = Match::Substring;
        rule->ignoreCase = kind == MatchKind::SubstringIgnoreCase;
        break;
    case MatchKind::Regex:
    case MatchKind::RegexIgnoreCase:
        rule->match = Match::Regex;
        rule->ignoreCase = kind == MatchKind::RegexIgnoreCase;
        break;
    }
}

QString AutoReplyModel::matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExactText:
        return tr("Exact text");
    case MatchKind::ExactHex:
        return tr("Exact hex");
    case MatchKind::HexPattern:
        return tr("Hex pattern");
    case MatchKind::HexPatternAnywhere:
        return tr("Hex pattern, anywhere");
    case MatchKind::Substring:
        return tr("Contains text");
    case MatchKind::SubstringIgnoreCase:
        return tr("Contains text, any case");
    case MatchKind::Regex:
        return tr("Regex");
    case MatchKind::RegexIgnoreCase:
        return tr("Regex, any case");
    }
    return {};
}

QString AutoReplyModel::matchKindToolTip(MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExactText:
        return tr("The frame equals the pattern: text with escapes (\\r \\n \\xNN \\uXXXX), "
                  "encoded in the rule set's encoding.");
    case MatchKind::ExactHex:
        return tr("The frame equals the pattern bytes, written in hex (\"48 65 6C\").");
    case MatchKind::HexPattern:
        return tr("The whole frame matches the hex pattern; ?? stands for any one byte "
                  "(\"AA ?? ?? 55\").");
    case MatchKind::HexPatternAnywhere:
        return tr("The hex pattern occurs anywhere in the frame; ?? stands for any one byte.");
    case MatchKind::Substring:
        return tr("The decoded frame text contains the pattern text (case-sensitive).");
    case MatchKind::SubstringIgnoreCase:
        return tr("The decoded frame text contains the pattern text, ignoring case.");
    case MatchKind::Regex:
        return tr("A regular expression (PCRE) found in the decoded frame text; "
                  "${1} or ${name} in the reply inserts a captured group.");
    case MatchKind::RegexIgnoreCase:
        return tr("A regular expression found in the decoded frame text, ignoring case; "
                  "${1} or ${name} in the reply inserts a captured group.");
    }
    return {};
}

QString AutoReplyModel::formatName(AutoReplyRule::Format format)
{
    return format == Format::Hex ? tr("Hex") : tr("Text");
}

// --- model ------------------------------------------------------------------

AutoReplyModel::AutoReplyModel(QObject *parent) : RuleListModel(ColumnCount, DelayColumn, parent) {}

AutoReplyModel::~AutoReplyModel() = default;

std::optional<AutoReplyIssue> AutoReplyModel::checkRule(const AutoReplyRule &rule) const
{
    return AutoReplyRules::checkRule(rule, encoding());
}

QString AutoReplyModel::rowName(int row) const
{
    return tr("Rule %1").arg(row + 1);
}

bool AutoReplyModel::isPlaceholder(int row, int column) const
{
    const AutoReplyRule &r = rules().at(row);
    return (column == NameColumn && r.name.isEmpty()) ||
           (column == ReplyColumn && r.reply.isEmpty());
}

// A new set has not run yet: nothing of it was skipped.
void AutoReplyModel::rowsReset()
{
    m_trouble.clear();
    m_trouble.resize(rowCount());
}

void AutoReplyModel::rowInserted(int row)
{
    m_trouble.insert(row, QString());
}

void AutoReplyModel::rowsRemoved(int row, int count)
{
    m_trouble.remove(row, count);
}

void AutoReplyModel::rowMoved(int from, int to)
{
    m_trouble.move(from, to);
}

void AutoReplyModel::setRuleTrouble(const QStringList &trouble)
{
    for (int row = 0; row < rowCount(); ++row)
        m_trouble[row] = trouble.value(row);
    if (rowCount() > 0)
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

int AutoReplyModel::columnOfField(const QString &field)
{
    if (field == QLatin1String("enabled"))
        return EnabledColumn;
    if (field == QLatin1String("name"))
        return NameColumn;
    if (field == QLatin1String("match") || field == QLatin1String("patternFormat") ||
        field == QLatin1String("contains") || field == QLatin1String("ignoreCase"))
        return MatchColumn;
    if (field == QLatin1String("pattern"))
        return PatternColumn;
    if (field == QLatin1String("replyFormat"))
        return ReplyFormatColumn;
    if (field == QLatin1String("reply"))
        return ReplyColumn;
    if (field == QLatin1String("delayMs"))
        return DelayColumn;
    return -1;
}

QString AutoReplyModel::cellToolTip(int row, int column) const
{
    const AutoReplyRule &r = rules().at(row);
    const QString encoding = encodingName(this->encoding());
    switch (column) {
    case EnabledColumn:
        return r.enabled ? tr("Enabled: this rule answers matching frames.")
                         : tr("Disabled: this rule is skipped (but still checked).");
    case NameColumn: {
        const QString tip = r.name.isEmpty() ? tr("No name: the log shows the reply as coming "
                                                  "from \u201CRule %1\u201D.")
                                                   .arg(row + 1)
                                             : elided(r.name);
        // A rule the core skipped says why first.
        const QString &trouble = m_trouble.at(row);
        return trouble.isEmpty() ? tip : trouble + QLatin1Char('\n') + tip;
    }
    case MatchColumn:
        return matchKindToolTip(matchKind(r));
    case PatternColumn: {
        QString hint;
        switch (matchKind(r)) {
        case MatchKind::ExactText:
            hint =
                tr("Text with escapes (\\r \\n \\t \\xNN \\uXXXX), encoded in %1.").arg(encoding);
            break;
        case MatchKind::Substring:
        case MatchKind::SubstringIgnoreCase:
            hint = tr("Text with escapes (\\r \\n \\t \\uXXXX; \\xNN below \\x80 only), "
                      "compared with the frame decoded from %1.")
                       .arg(encoding);
            break;
        case MatchKind::ExactHex:
            hint = tr("Hex bytes, e.g. \"01 03 00 2A\".");
            break;
        case MatchKind::HexPattern:
        case MatchKind::HexPatternAnywhere:
            hint = tr("Hex bytes with ?? for any byte, e.g. \"AA ?? ?? 55\".");
            break;
        case MatchKind::Regex:
        case MatchKind::RegexIgnoreCase:
            hint = tr("PCRE regular expression, searched in the frame decoded from %1; "
                      "use ^ and $ to match the whole frame.")
                       .arg(encoding);
            break;
        }
        return r.pattern.isEmpty() ? hint : elided(r.pattern) + QLatin1Char('\n') + hint;
    }
    case ReplyFormatColumn:
        return r.replyFormat == Format::Hex
                   ? tr("The reply is written as hex bytes.")
                   : tr("The reply is text with escapes, encoded in %1.").arg(encoding);
    case ReplyColumn: {
        if (r.reply.isEmpty())
            return tr("No reply: matching frames are answered with nothing (and not echoed).");
        QString hint =
            r.replyFormat == Format::Hex
                ? tr("Hex bytes, e.g. \"01 03 02 00 2A\".")
                : tr("Text with escapes (\\r \\n \\t \\xNN \\uXXXX), encoded in %1.").arg(encoding);
        if (r.match == Match::Regex)
            hint += QLatin1Char(' ') +
                    tr("${1} or ${name} inserts a captured group; write \\u0024{ for a "
                       "literal ${.");
        return elided(r.reply) + QLatin1Char('\n') + hint;
    }
    case DelayColumn:
        return tr("Wait this long before sending the reply (0 to %1 ms).")
            .arg(AutoReplyRules::MaxDelayMs);
    }
    return {};
}

// What a cell shows (one line, placeholders for empty names and replies) or edits.
QVariant AutoReplyModel::cellValue(int row, int column, bool edit) const
{
    const AutoReplyRule &r = rules().at(row);
    switch (column) {
    case EnabledColumn:
        return {};
    case NameColumn:
        if (!edit && r.name.isEmpty())
            return rowName(row);
        return edit ? r.name : oneLine(r.name);
    case MatchColumn:
        return edit ? QVariant(int(matchKind(r))) : QVariant(matchKindName(matchKind(r)));
    case PatternColumn:
        return edit ? r.pattern : oneLine(r.pattern);
    case ReplyFormatColumn:
        return edit ? QVariant(int(r.replyFormat)) : QVariant(formatName(r.replyFormat));
    case ReplyColumn:
        if (!edit && r.reply.isEmpty())
            return tr("(no reply)");
        return edit ? r.reply : oneLine(r.reply);
    case DelayColumn:
        return r.delayMs;
    }
    return {};
}

// The mark of a rule the core skipped; its tooltip says why (cellToolTip()).
QVariant AutoReplyModel::ownData(int row, int column, int role) const
{
    const QString &trouble = m_trouble.at(row);
    if (role == TroubleRole)
        return trouble;
    if (role == Qt::DecorationRole && column == NameColumn && !trouble.isEmpty())
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    return {};
}

// One cell's edit on a copy of the rule; false for a value the column cannot take.
bool AutoReplyModel::setCell(AutoReplyRule *r, int column, const QVariant &value) const
{
    bool ok = true;
    switch (column) {
    case NameColumn:
        r->name = value.toString();
        return true;
    case MatchColumn: {
        const int kind = value.toInt(&ok);
        if (!ok || kind < 0 || kind >= MatchKindCount)
            return false;
        applyMatchKind(r, MatchKind(kind));
        return true;
    }
    case PatternColumn:
        r->pattern = value.toString();
        return true;
    case ReplyFormatColumn: {
        const int format = value.toInt(&ok);
        if (!ok || (format != int(Format::Text) && format != int(Format::Hex)))
            return false;
        r->replyFormat = Format(format);
        return true;
    }
    case ReplyColumn:
        r->reply = value.toString();
        return true;
    case DelayColumn:
        // Out-of-range values are stored and shown as invalid, like any other mistake.
        r->delayMs = value.toInt(&ok);
        return ok;
    }
    return false;
}

Qt::ItemFlags AutoReplyModel::flags(const QModelIndex &index) const
{
    return cellFlags(index, true);
}

QVariant AutoReplyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return rowHeaderData(section, role);
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case EnabledColumn:
            return tr("On");
        case NameColumn:
            return tr("Name");
        case MatchColumn:
            return tr("Match type");
        case PatternColumn:
            return tr("Pattern");
        case ReplyFormatColumn:
            return tr("Reply as");
        case ReplyColumn:
            return tr("Reply");
        case DelayColumn:
            return tr("Delay ms");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case EnabledColumn:
            return tr("Only enabled rules answer frames; disabled rules are still checked.");
        case NameColumn:
            return tr("Shown in the log as the source of the reply.");
        case MatchColumn:
            return tr("How the pattern is compared with a received frame.");
        case PatternColumn:
            return tr("What a received frame must match.");
        case ReplyFormatColumn:
            return tr("Whether the reply is written as text (with escapes) or as hex bytes.");
        case ReplyColumn:
            return tr("The bytes sent back; empty sends nothing and suppresses the echo.");
        case DelayColumn:
            return tr("Delay before the reply is sent, in milliseconds.");
        }
    }
    return {};
}

// --- delegate ---------------------------------------------------------------

AutoReplyDelegate::AutoReplyDelegate(QObject *parent) : RuleDelegate(parent) {}

void AutoReplyDelegate::addMatchKinds(QComboBox *combo)
{
    for (int k = 0; k < AutoReplyModel::MatchKindCount; ++k) {
        const auto kind = AutoReplyModel::MatchKind(k);
        combo->addItem(AutoReplyModel::matchKindName(kind), k);
        combo->setItemData(combo->count() - 1, AutoReplyModel::matchKindToolTip(kind),
                           Qt::ToolTipRole);
    }
}

void AutoReplyDelegate::addFormats(QComboBox *combo)
{
    for (AutoReplyRule::Format format : {AutoReplyRule::Format::Text, AutoReplyRule::Format::Hex})
        combo->addItem(AutoReplyModel::formatName(format), int(format));
}

QWidget *AutoReplyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    switch (index.column()) {
    case AutoReplyModel::EnabledColumn:
        return nullptr;
    case AutoReplyModel::MatchColumn: {
        QComboBox *combo = makeCombo(parent, "matchKindEditor");
        addMatchKinds(combo);
        combo->setToolTip(AutoReplyModel::tr("How the pattern is compared with a received frame."));
        return combo;
    }
    case AutoReplyModel::ReplyFormatColumn: {
        QComboBox *combo = makeCombo(parent, "replyFormatEditor");
        addFormats(combo);
        combo->setToolTip(AutoReplyModel::tr(
            "Whether the reply is written as text (with escapes) or as hex bytes."));
        return combo;
    }
    case AutoReplyModel::DelayColumn: {
        QSpinBox *spin = makeDelaySpin(parent, AutoReplyModel::tr(" ms"));
        spin->setObjectName(QStringLiteral("delayEditor"));
        spin->setToolTip(AutoReplyModel::tr("Delay before the reply is sent, in milliseconds."));
        return spin;
    }
    default: {
        QLineEdit *edit = makeLineEdit(parent, index);
        edit->setObjectName(QStringLiteral("textEditor"));
        Q_UNUSED(option)
        return edit;
    }
    }
}

} // namespace sockscope
