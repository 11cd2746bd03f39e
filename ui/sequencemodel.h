#pragma once

#include "core/message/message.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QStyledItemDelegate>

namespace sockscope {

struct SendStep;

// One step of a send sequence as the user edits it: the message (built anew
// for every send, so dynamic fields advance) and the pause after it.
struct SequenceStepSpec
{
    static constexpr int DefaultDelayMs = 100;
    static constexpr int MaxDelayMs = 86400000; // one day, as the periodic interval

    MessageSpec message;
    int delayAfterMs = DefaultDelayMs;

    friend bool operator==(const SequenceStepSpec &a, const SequenceStepSpec &b)
    {
        return a.message == b.message && a.delayAfterMs == b.delayAfterMs;
    }
    friend bool operator!=(const SequenceStepSpec &a, const SequenceStepSpec &b)
    {
        return !(a == b);
    }
};

// What SequenceRunner::setSteps() takes.
QList<SendStep> toSendSteps(const QList<SequenceStepSpec> &steps);

// The steps of a send sequence as an editable table. The message content and
// the delay are edited in place; every step is checked with preview() when it
// changes, and an invalid one is painted red with the reason as its tooltip.
class SequenceModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceModel)

public:
    enum Column
    {
        MessageColumn, // EditRole: the content as written (escapes, hex digits)
        FormatColumn,  // read-only: format and options
        DelayColumn,   // EditRole: int milliseconds
        ColumnCount
    };
    enum Role
    {
        IssueRole = Qt::UserRole + 1, // QString: why the step does not build, empty when valid
    };

    explicit SequenceModel(QObject *parent = nullptr);
    ~SequenceModel() override;

    void setSteps(const QList<SequenceStepSpec> &steps);
    const QList<SequenceStepSpec> &steps() const { return m_steps; }
    SequenceStepSpec step(int row) const { return m_steps.value(row); }

    // Inserts at row (clamped to 0..rowCount()); returns the row used.
    int insertStep(int row, const SequenceStepSpec &step);
    bool moveStep(int from, int to);

    QString issue(int row) const { return m_issues.value(row); }
    int firstInvalidRow() const; // -1 when every step builds

    // The step being sent (shown in bold), -1 for none.
    void setCurrentStep(int row);
    int currentStep() const { return m_current; }
    // While running, nothing is editable (the runner has its own copy).
    void setEditable(bool editable);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

    // Header texts are translated in headerData(); after a language change the
    // view needs to hear about it.
    void retranslate();

signals:
    // Any change to the steps or their validity.
    void stepsChanged();

private:
    void check(int row);
    QString formatText(const MessageSpec &spec) const;

    QList<SequenceStepSpec> m_steps;
    QStringList m_issues; // parallel to m_steps
    int m_current = -1;
    bool m_editable = true;
};

// A spin box with the allowed range for the delay column; line edits otherwise.
class SequenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDelegate)

public:
    explicit SequenceDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace sockscope
