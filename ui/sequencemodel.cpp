#include "sequencemodel.h"

#include "sendhistory.h"
#include "tones.h"

#include "core/senders/scheduledsender.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSpinBox>

#include <algorithm>

namespace sockscope {

namespace {

constexpr int SummaryChars = 60;

QColor invalidBackground()
{
    return toneBackground(Tone::Error, QGuiApplication::palette());
}

QColor invalidForeground()
{
    return toneColor(Tone::Error, QGuiApplication::palette());
}

} // namespace

QList<SendStep> toSendSteps(const QList<SequenceStepSpec> &steps)
{
    QList<SendStep> out;
    out.reserve(steps.size());
    for (const SequenceStepSpec &s : steps)
        out.append(SendStep{OutgoingMessage::fromSpec(s.message), s.delayAfterMs});
    return out;
}

SequenceModel::SequenceModel(QObject *parent) : QAbstractTableModel(parent) {}

SequenceModel::~SequenceModel() = default;

void SequenceModel::setSteps(const QList<SequenceStepSpec> &steps)
{
    beginResetModel();
    m_steps = steps;
    m_issues.clear();
    for (int i = 0; i < m_steps.size(); ++i)
        m_issues.append(QString());
    for (int i = 0; i < m_steps.size(); ++i)
        check(i);
    m_current = -1;
    endResetModel();
    emit stepsChanged();
}

int SequenceModel::insertStep(int row, const SequenceStepSpec &step)
{
    row = std::clamp(row, 0, int(m_steps.size()));
    beginInsertRows({}, row, row);
    m_steps.insert(row, step);
    m_issues.insert(row, QString());
    check(row);
    endInsertRows();
    emit stepsChanged();
    return row;
}

bool SequenceModel::moveStep(int from, int to)
{
    const int n = int(m_steps.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return false;
    // beginMoveRows wants the destination as "insert before", in pre-move terms.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_steps.move(from, to);
    m_issues.move(from, to);
    endMoveRows();
    emit stepsChanged();
    return true;
}

bool SequenceModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_steps.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_steps.remove(row, count);
    m_issues.remove(row, count);
    endRemoveRows();
    emit stepsChanged();
    return true;
}

int SequenceModel::firstInvalidRow() const
{
    for (int i = 0; i < m_issues.size(); ++i)
        if (!m_issues.at(i).isEmpty())
            return i;
    return -1;
}

void SequenceModel::setCurrentStep(int row)
{
    if (row == m_current)
        return;
    const int old = m_current;
    m_current = row;
    for (int r : {old, row})
        if (r >= 0 && r < m_steps.size())
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1), {Qt::FontRole});
}

void SequenceModel::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    if (!m_steps.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SequenceModel::check(int row)
{
    const MessageBuildResult r = preview(m_steps.at(row).message);
    m_issues[row] = r.ok() ? QString() : r.errorString;
}

QString SequenceModel::formatText(const MessageSpec &spec) const
{
    QStringList parts;
    if (spec.format == MessageFormat::Hex) {
        parts << tr("Hex");
    } else {
        parts << tr("Text") << encodingName(spec.encoding);
        if (spec.escapes)
            parts << tr("escapes");
    }
    switch (spec.lineEnding) {
    case LineEnding::None:
        break;
    case LineEnding::LF:
        parts << QStringLiteral("+ \\n");
        break;
    case LineEnding::CRLF:
        parts << QStringLiteral("+ \\r\\n");
        break;
    case LineEnding::CR:
        parts << QStringLiteral("+ \\r");
        break;
    }
    if (spec.checksum != ChecksumKind::None)
        parts << QStringLiteral("+ %1").arg(checksumDisplayName(spec.checksum));
    if (spec.dynamicFields)
        parts << tr("fields");
    return parts.join(QStringLiteral(", "));
}

int SequenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int SequenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SequenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const SequenceStepSpec &s = m_steps.at(row);
    const QString &problem = m_issues.at(row);
    const bool badCell = !problem.isEmpty() && index.column() == MessageColumn;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn: {
            // The format has its own column: no "HEX" tag here.
            MessageSpec shown = s.message;
            if (shown.format == MessageFormat::Hex)
                shown.content = shown.content.simplified();
            shown.format = MessageFormat::Text;
            return messageSummary(shown, SummaryChars);
        }
        case FormatColumn:
            return formatText(s.message);
        case DelayColumn:
            return tr("%1 ms").arg(s.delayAfterMs);
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case MessageColumn:
            return s.message.content;
        case FormatColumn:
            return formatText(s.message);
        case DelayColumn:
            return s.delayAfterMs;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case MessageColumn:
            if (badCell)
                return tr("Step %1 cannot be sent: %2").arg(row + 1).arg(problem);
            return messageDetails(s.message);
        case FormatColumn:
            return messageDetails(s.message);
        case DelayColumn:
            return tr("Pause after this step before the next one (also between loops), "
                      "0 to %1 ms.")
                .arg(SequenceStepSpec::MaxDelayMs);
        }
        return {};
    case Qt::BackgroundRole:
        if (badCell)
            return invalidBackground();
        return {};
    case Qt::ForegroundRole:
        if (badCell)
            return invalidForeground();
        return {};
    case Qt::FontRole:
        if (row == m_current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DelayColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IssueRole:
        return problem;
    }
    return {};
}

bool SequenceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::ParentIsInvalid) || !m_editable)
        return false;
    const int row = index.row();
    SequenceStepSpec s = m_steps.at(row);
    switch (index.column()) {
    case MessageColumn:
        s.message.content = value.toString();
        break;
    case DelayColumn: {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (!ok || ms < 0 || ms > SequenceStepSpec::MaxDelayMs)
            return false;
        s.delayAfterMs = ms;
        break;
    }
    default:
        return false;
    }
    if (s == m_steps.at(row))
        return true;
    m_steps[row] = s;
    check(row);
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    emit stepsChanged();
    return true;
}

Qt::ItemFlags SequenceModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_editable && index.column() != FormatColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant SequenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case MessageColumn:
            return tr("Message");
        case FormatColumn:
            return tr("Format");
        case DelayColumn:
            return tr("Delay after");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case MessageColumn:
            return tr("The message content; double-click to edit it (escapes and hex digits "
                      "as in the send editor).");
        case FormatColumn:
            return tr("Format and options, as they were in the send editor when the step was "
                      "added.");
        case DelayColumn:
            return tr("Pause after the step, in milliseconds; double-click to edit.");
        }
    }
    return {};
}

void SequenceModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_steps.isEmpty()) {
        for (int i = 0; i < m_steps.size(); ++i)
            check(i); // the reasons are translated too
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

// --- SequenceDelegate ---------------------------------------------------------

SequenceDelegate::SequenceDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *SequenceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    if (index.column() == SequenceModel::DelayColumn) {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("sequenceDelayEditor"));
        spin->setRange(0, SequenceStepSpec::MaxDelayMs);
        spin->setSingleStep(100);
        spin->setAccelerated(true);
        spin->setSuffix(tr(" ms"));
        spin->setFrame(false);
        return spin;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (editor)
        editor->setObjectName(QStringLiteral("sequenceMessageEditor"));
    return editor;
}

} // namespace sockscope
