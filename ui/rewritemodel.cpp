#include "rewritemodel.h"

#include "autoreplymodel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace sockscope {

namespace {

using Direction = RewriteRule::Direction;
using Action = RewriteRule::Action;
using Format = AutoReplyRule::Format;
using MatchKind = AutoReplyModel::MatchKind;

const QList<Direction> kDirections{Direction::ClientToServer, Direction::ServerToClient,
                                   Direction::Both};
const QList<Action> kActions{Action::Replace, Action::Drop, Action::Delay};

} // namespace

QString RewriteModel::directionName(Direction direction)
{
    switch (direction) {
    case Direction::ClientToServer:
        return tr("C→S");
    case Direction::ServerToClient:
        return tr("S→C");
    case Direction::Both:
        return tr("Both");
    }
    return {};
}

QString RewriteModel::actionName(Action action)
{
    switch (action) {
    case Action::Replace:
        return tr("Replace");
    case Action::Drop:
        return tr("Drop");
    case Action::Delay:
        return tr("Delay");
    }
    return {};
}

QString RewriteModel::actionToolTip(Action action)
{
    switch (action) {
    case Action::Replace:
        return tr("Pass on the replacement instead of the frame (its delimiter kept), after the "
                  "delay if one is set.");
    case Action::Drop:
        return tr("Do not pass the frame on.");
    case Action::Delay:
        return tr("Pass the frame on unchanged after the delay; what follows waits behind it.");
    }
    return {};
}

RewriteModel::RewriteModel(QObject *parent) : RuleListModel(ColumnCount, DelayColumn, parent) {}

RewriteModel::~RewriteModel() = default;

std::optional<AutoReplyIssue> RewriteModel::checkRule(const RewriteRule &rule) const
{
    return RewriteRules::checkRule(rule, encoding());
}

QString RewriteModel::rowName(int row) const
{
    return tr("Rule %1").arg(row + 1);
}

bool RewriteModel::isPlaceholder(int row, int column) const
{
    return column == NameColumn && rules().at(row).match.name.isEmpty();
}

bool RewriteModel::usesReplacement(int row) const
{
    return rules().at(row).action == Action::Replace;
}

bool RewriteModel::usesDelay(int row) const
{
    return rules().at(row).action != Action::Drop;
}

int RewriteModel::columnOfField(const QString &field)
{
    if (field == QLatin1String("direction"))
        return DirectionColumn;
    if (field == QLatin1String("action"))
        return ActionColumn;
    if (field == QLatin1String("replacement") || field == QLatin1String("reply"))
        return ReplacementColumn;
    if (field == QLatin1String("replacementFormat") || field == QLatin1String("replyFormat"))
        return ReplacementFormatColumn;
    switch (AutoReplyModel::columnOfField(field)) {
    case AutoReplyModel::EnabledColumn:
        return EnabledColumn;
    case AutoReplyModel::NameColumn:
        return NameColumn;
    case AutoReplyModel::MatchColumn:
        return MatchColumn;
    case AutoReplyModel::PatternColumn:
        return PatternColumn;
    case AutoReplyModel::DelayColumn:
        return DelayColumn;
    default:
        return -1;
    }
}

QVariant RewriteModel::cellValue(int row, int column, bool edit) const
{
    const RewriteRule &r = rules().at(row);
    switch (column) {
    case EnabledColumn:
        return {};
    case NameColumn:
        if (!edit && r.match.name.isEmpty())
            return rowName(row);
        return edit ? r.match.name : oneLine(r.match.name);
    case DirectionColumn:
        return edit ? QVariant(int(r.direction)) : QVariant(directionName(r.direction));
    case MatchColumn: {
        const MatchKind kind = AutoReplyModel::matchKind(r.match);
        return edit ? QVariant(int(kind)) : QVariant(AutoReplyModel::matchKindName(kind));
    }
    case PatternColumn:
        return edit ? r.match.pattern : oneLine(r.match.pattern);
    case ActionColumn:
        return edit ? QVariant(int(r.action)) : QVariant(actionName(r.action));
    case ReplacementFormatColumn:
        if (!edit && !usesReplacement(row))
            return QString();
        return edit ? QVariant(int(r.match.replyFormat))
                    : QVariant(AutoReplyModel::formatName(r.match.replyFormat));
    case ReplacementColumn:
        if (!edit && !usesReplacement(row))
            return QString();
        return edit ? r.match.reply : oneLine(r.match.reply);
    case DelayColumn:
        if (!edit && !usesDelay(row))
            return QString();
        return r.match.delayMs;
    }
    return {};
}

QString RewriteModel::cellToolTip(int row, int column) const
{
    const RewriteRule &r = rules().at(row);
    switch (column) {
    case EnabledColumn:
        return r.match.enabled ? tr("Enabled: this rule changes matching frames.")
                               : tr("Disabled: this rule is skipped (but still checked).");
    case NameColumn:
        return tr("The log names the rule that changed a frame.");
    case DirectionColumn:
        return tr("Which frames the rule sees: from the client (C→S), from the server (S→C), "
                  "or both.");
    case MatchColumn:
        return AutoReplyModel::matchKindToolTip(AutoReplyModel::matchKind(r.match));
    case PatternColumn:
        return r.match.pattern.isEmpty() ? tr("What a frame must match.") : r.match.pattern;
    case ActionColumn:
        return actionToolTip(r.action);
    case ReplacementFormatColumn:
        return tr("Whether the replacement is written as text (with escapes) or as hex bytes.");
    case ReplacementColumn: {
        QString tip = tr("Passed on instead of the frame.");
        if (r.match.match == AutoReplyRule::Match::Regex)
            tip += QLatin1Char(' ') + tr("${1} or ${name} inserts a captured group.");
        return r.match.reply.isEmpty() ? tip : r.match.reply + QLatin1Char('\n') + tip;
    }
    case DelayColumn:
        return tr("Wait this long before passing the frame on (0 to %1 ms).")
            .arg(AutoReplyRules::MaxDelayMs);
    }
    return {};
}

// One cell's edit on a copy of the rule; false for a value the column cannot take.
bool RewriteModel::setCell(RewriteRule *r, int column, const QVariant &value) const
{
    bool ok = true;
    const int n = value.toInt(&ok);
    switch (column) {
    case NameColumn:
        r->match.name = value.toString();
        return true;
    case PatternColumn:
        r->match.pattern = value.toString();
        return true;
    case ReplacementColumn:
        r->match.reply = value.toString();
        return true;
    case DirectionColumn:
        if (!ok || !kDirections.contains(Direction(n)))
            return false;
        r->direction = Direction(n);
        return true;
    case ActionColumn:
        if (!ok || !kActions.contains(Action(n)))
            return false;
        r->action = Action(n);
        return true;
    case MatchColumn:
        if (!ok || n < 0 || n >= AutoReplyModel::MatchKindCount)
            return false;
        AutoReplyModel::applyMatchKind(&r->match, MatchKind(n));
        return true;
    case ReplacementFormatColumn:
        if (!ok || (n != int(Format::Text) && n != int(Format::Hex)))
            return false;
        r->match.replyFormat = Format(n);
        return true;
    case DelayColumn:
        // Out-of-range values are stored and shown as invalid, like any other mistake.
        if (!ok)
            return false;
        r->match.delayMs = n;
        return true;
    }
    return false;
}

Qt::ItemFlags RewriteModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    switch (index.column()) {
    case ReplacementFormatColumn:
    case ReplacementColumn:
        return cellFlags(index, usesReplacement(index.row()));
    case DelayColumn:
        return cellFlags(index, usesDelay(index.row()));
    }
    return cellFlags(index, true);
}

QVariant RewriteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return rowHeaderData(section, role);
    if (role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case NameColumn:
        return tr("Name");
    case DirectionColumn:
        return tr("Direction");
    case MatchColumn:
        return tr("Match type");
    case PatternColumn:
        return tr("Pattern");
    case ActionColumn:
        return tr("Action");
    case ReplacementFormatColumn:
        return tr("Replace as");
    case ReplacementColumn:
        return tr("Replacement");
    case DelayColumn:
        return tr("Delay ms");
    }
    return {};
}

// --- delegate ---------------------------------------------------------------

RewriteDelegate::RewriteDelegate(QObject *parent) : RuleDelegate(parent) {}

QWidget *RewriteDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    Q_UNUSED(option)
    switch (index.column()) {
    case RewriteModel::EnabledColumn:
        return nullptr;
    case RewriteModel::DelayColumn:
        return makeDelaySpin(parent, RewriteModel::tr(" ms"));
    case RewriteModel::DirectionColumn: {
        QComboBox *combo = makeCombo(parent);
        for (Direction d : kDirections)
            combo->addItem(RewriteModel::directionName(d), int(d));
        return combo;
    }
    case RewriteModel::ActionColumn: {
        QComboBox *combo = makeCombo(parent);
        for (Action a : kActions) {
            combo->addItem(RewriteModel::actionName(a), int(a));
            combo->setItemData(combo->count() - 1, RewriteModel::actionToolTip(a), Qt::ToolTipRole);
        }
        return combo;
    }
    case RewriteModel::MatchColumn: {
        QComboBox *combo = makeCombo(parent);
        AutoReplyDelegate::addMatchKinds(combo);
        return combo;
    }
    case RewriteModel::ReplacementFormatColumn: {
        QComboBox *combo = makeCombo(parent);
        AutoReplyDelegate::addFormats(combo);
        return combo;
    }
    }
    return makeLineEdit(parent, index);
}

} // namespace sockscope
