#include "autoreplymodel.h"

#include "tones.h"

#include <QColor>
#include <QComboBox>
#include <QFont>
#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLineEdit>
#include <QPalette>
#include <QSpinBox>
#include <QStyle>

#include <algorithm>

namespace sockscope {

namespace {

using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;

constexpr int MaxToolTipChars = 400;

QColor invalidBackground()
{
    return toneBackground(Tone::Error, QGuiApplication::palette());
}

QColor invalidForeground()
{
    return toneColor(Tone::Error, QGuiApplication::palette());
}

QColor dimmedForeground()
{
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

// A cell shows one line: control characters (a pasted CR, a JSON "\n") become
// their visible Control Pictures instead of breaking or vanishing.
QString oneLine(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.unicode() < 0x20)
            c = QChar(0x2400 + c.unicode());
        else if (c.unicode() == 0x7F)
            c = QChar(0x2421);
    }
    return out;
}

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

AutoReplyModel::AutoReplyModel(QObject *parent) : QAbstractTableModel(parent) {}

AutoReplyModel::~AutoReplyModel() = default;

void AutoReplyModel::setRules(const QList<AutoReplyRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_issues.clear();
    m_issues.resize(m_rules.size());
    // A new set has not run yet: nothing of it was skipped.
    m_trouble.clear();
    m_trouble.resize(m_rules.size());
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    endResetModel();
    emit rulesChanged();
}

void AutoReplyModel::setEncoding(Encoding encoding)
{
    if (encoding == m_encoding)
        return;
    m_encoding = encoding;
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    if (!m_rules.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
    emit rulesChanged();
}

void AutoReplyModel::setRuleTrouble(const QStringList &trouble)
{
    for (int row = 0; row < m_rules.size(); ++row)
        m_trouble[row] = trouble.value(row);
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

int AutoReplyModel::insertRule(int row, const AutoReplyRule &rule)
{
    row = qBound(0, row, int(m_rules.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_rules.insert(row, rule);
    m_issues.insert(row, std::nullopt);
    m_trouble.insert(row, QString());
    check(row);
    endInsertRows();
    emit rulesChanged();
    return row;
}

bool AutoReplyModel::moveRule(int from, int to)
{
    if (from == to)
        return false;
    return moveRows(QModelIndex(), from, 1, QModelIndex(), to > from ? to + 1 : to);
}

void AutoReplyModel::check(int row)
{
    m_issues[row] = AutoReplyRules::checkRule(m_rules.at(row), m_encoding);
}

std::optional<AutoReplyIssue> AutoReplyModel::issue(int row) const
{
    if (row < 0 || row >= m_issues.size() || !m_issues.at(row))
        return std::nullopt;
    AutoReplyIssue i = *m_issues.at(row);
    i.ruleIndex = row;
    i.ruleName = m_rules.at(row).name;
    return i;
}

std::optional<AutoReplyIssue> AutoReplyModel::firstIssue() const
{
    for (int row = 0; row < m_issues.size(); ++row) {
        if (m_issues.at(row))
            return issue(row);
    }
    return std::nullopt;
}

int AutoReplyModel::invalidCount() const
{
    return int(std::count_if(m_issues.cbegin(), m_issues.cend(),
                             [](const auto &i) { return i.has_value(); }));
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

int AutoReplyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int AutoReplyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AutoReplyModel::cellToolTip(int row, int column) const
{
    const AutoReplyRule &r = m_rules.at(row);
    const QString encoding = encodingName(m_encoding);
    switch (column) {
    case EnabledColumn:
        return r.enabled ? tr("Enabled: this rule answers matching frames.")
                         : tr("Disabled: this rule is skipped (but still checked).");
    case NameColumn:
        return r.name.isEmpty() ? tr("No name: the log shows the reply as coming from "
                                     "\u201CRule %1\u201D.")
                                      .arg(row + 1)
                                : elided(r.name);
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
    const AutoReplyRule &r = m_rules.at(row);
    switch (column) {
    case EnabledColumn:
        return {};
    case NameColumn:
        if (!edit && r.name.isEmpty())
            return tr("Rule %1").arg(row + 1);
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

QVariant AutoReplyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const AutoReplyRule &r = m_rules.at(row);
    const auto &problem = m_issues.at(row);
    const bool badCell = problem && columnOfField(problem->field) == column;
    const QString &trouble = m_trouble.at(row);
    const bool troubleCell = column == NameColumn && !trouble.isEmpty();

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellValue(row, column, role == Qt::EditRole);
    case Qt::CheckStateRole:
        if (column == EnabledColumn)
            return r.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (badCell)
            return issue(row)->toString();
        if (troubleCell)
            return trouble + QLatin1Char('\n') + cellToolTip(row, column);
        return cellToolTip(row, column);
    case Qt::DecorationRole:
        if (troubleCell)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::BackgroundRole:
        if (badCell)
            return invalidBackground();
        return {};
    case Qt::ForegroundRole:
        if (badCell)
            return invalidForeground();
        if (!r.enabled || (column == NameColumn && r.name.isEmpty()) ||
            (column == ReplyColumn && r.reply.isEmpty()))
            return dimmedForeground();
        return {};
    case Qt::FontRole:
        if ((column == NameColumn && r.name.isEmpty()) ||
            (column == ReplyColumn && r.reply.isEmpty())) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == DelayColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IssueRole:
        return problem ? issue(row)->toString() : QString();
    case TroubleRole:
        return trouble;
    }
    return {};
}

bool AutoReplyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    AutoReplyRule r = m_rules.at(row);

    if (index.column() == EnabledColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        r.enabled = value.toInt() == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        bool ok = true;
        switch (index.column()) {
        case NameColumn:
            r.name = value.toString();
            break;
        case MatchColumn: {
            const int kind = value.toInt(&ok);
            if (!ok || kind < 0 || kind >= MatchKindCount)
                return false;
            applyMatchKind(&r, MatchKind(kind));
            break;
        }
        case PatternColumn:
            r.pattern = value.toString();
            break;
        case ReplyFormatColumn: {
            const int format = value.toInt(&ok);
            if (!ok || (format != int(Format::Text) && format != int(Format::Hex)))
                return false;
            r.replyFormat = Format(format);
            break;
        }
        case ReplyColumn:
            r.reply = value.toString();
            break;
        case DelayColumn:
            // Out-of-range values are stored and shown as invalid, like any other mistake.
            r.delayMs = value.toInt(&ok);
            if (!ok)
                return false;
            break;
        default:
            return false;
        }
    }
    if (r == m_rules.at(row))
        return true;
    m_rules[row] = r;
    check(row);
    // Validity and tooltips of the whole row may change with any one cell.
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, row, row);
    emit rulesChanged();
    return true;
}

Qt::ItemFlags AutoReplyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == EnabledColumn)
        return base | Qt::ItemIsUserCheckable;
    return base | Qt::ItemIsEditable;
}

QVariant AutoReplyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rules.size())
            return {};
        const bool bad = m_issues.at(section).has_value();
        switch (role) {
        case Qt::DisplayRole:
            return section + 1;
        case Qt::ToolTipRole:
            return bad ? issue(section)->toString() : tr("Rule %1").arg(section + 1);
        case Qt::ForegroundRole:
            return bad ? QVariant(invalidForeground()) : QVariant();
        case Qt::BackgroundRole:
            return bad ? QVariant(invalidBackground()) : QVariant();
        }
        return {};
    }
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

bool AutoReplyModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rules.size())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_rules.remove(row, count);
    m_issues.remove(row, count);
    m_trouble.remove(row, count);
    endRemoveRows();
    emit rulesChanged();
    return true;
}

bool AutoReplyModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                              const QModelIndex &destinationParent, int destinationChild)
{
    const int size = int(m_rules.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > size || destinationChild < 0 || destinationChild > size)
        return false;
    // Moving a block to its own position (or inside itself) changes nothing.
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false;
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(),
                       destinationChild))
        return false;
    for (int i = 0; i < count; ++i) {
        if (destinationChild > sourceRow) {
            m_rules.move(sourceRow, destinationChild - 1);
            m_issues.move(sourceRow, destinationChild - 1);
            m_trouble.move(sourceRow, destinationChild - 1);
        } else {
            m_rules.move(sourceRow + i, destinationChild + i);
            m_issues.move(sourceRow + i, destinationChild + i);
            m_trouble.move(sourceRow + i, destinationChild + i);
        }
    }
    endMoveRows();
    // Row numbers appear in names ("Rule 3") and issues.
    emit dataChanged(index(0, 0), index(size - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, 0, size - 1);
    emit rulesChanged();
    return true;
}

// --- delegate ---------------------------------------------------------------

AutoReplyDelegate::AutoReplyDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *AutoReplyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    auto *self = const_cast<AutoReplyDelegate *>(this);
    auto makeCombo = [self, parent](const char *name) {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QLatin1String(name));
        // A choice is the whole edit: commit it right away.
        connect(combo, &QComboBox::activated, self, [self, combo] {
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    };

    switch (index.column()) {
    case AutoReplyModel::EnabledColumn:
        return nullptr;
    case AutoReplyModel::MatchColumn: {
        QComboBox *combo = makeCombo("matchKindEditor");
        for (int k = 0; k < AutoReplyModel::MatchKindCount; ++k) {
            const auto kind = AutoReplyModel::MatchKind(k);
            combo->addItem(AutoReplyModel::matchKindName(kind), k);
            combo->setItemData(k, AutoReplyModel::matchKindToolTip(kind), Qt::ToolTipRole);
        }
        combo->setToolTip(AutoReplyModel::tr("How the pattern is compared with a received frame."));
        return combo;
    }
    case AutoReplyModel::ReplyFormatColumn: {
        QComboBox *combo = makeCombo("replyFormatEditor");
        combo->addItem(AutoReplyModel::formatName(AutoReplyRule::Format::Text),
                       int(AutoReplyRule::Format::Text));
        combo->addItem(AutoReplyModel::formatName(AutoReplyRule::Format::Hex),
                       int(AutoReplyRule::Format::Hex));
        combo->setToolTip(AutoReplyModel::tr(
            "Whether the reply is written as text (with escapes) or as hex bytes."));
        return combo;
    }
    case AutoReplyModel::DelayColumn: {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("delayEditor"));
        spin->setRange(0, AutoReplyRules::MaxDelayMs);
        spin->setSuffix(AutoReplyModel::tr(" ms"));
        spin->setAccelerated(true);
        spin->setToolTip(AutoReplyModel::tr("Delay before the reply is sent, in milliseconds."));
        return spin;
    }
    default: {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QStringLiteral("textEditor"));
        edit->setFrame(false);
        edit->setToolTip(index.data(Qt::ToolTipRole).toString());
        Q_UNUSED(option)
        return edit;
    }
    }
}

void AutoReplyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(combo->findData(value.toInt()));
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value.toInt());
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value.toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void AutoReplyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, edit->text(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace sockscope
