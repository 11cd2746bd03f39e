#pragma once

#include "core/autoreply/autoreply.h"
#include "core/codec/encoding.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStyledItemDelegate>

#include <optional>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sockscope {

// The signal of every rule table; a template cannot declare one itself.
class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleTableModel)

public:
    enum Role
    {
        IssueRole = Qt::UserRole + 1, // QString: the row's problem, empty when valid
        FirstOwnRole,                 // a subclass's roles begin here
    };

    using QAbstractTableModel::QAbstractTableModel;

signals:
    // Any change to the rules or their validity (edits, inserts, removals, moves, encoding).
    void rulesChanged();

protected:
    // A cell shows one line: control characters (a pasted CR, a JSON "\n") become their
    // visible Control Pictures instead of breaking or vanishing.
    static QString oneLine(QString text);
};

// A list of rules as an editable table: every rule is checked whenever it or the encoding
// changes, and a rule's problem shows on its row header and in the cell of its field.
// AutoReplyModel and RewriteModel are this list with columns of their own; what they share
// lives here once: the list operations with their row signals (moveRows() included), the
// issues kept parallel to the rules, the check box in column 0, the looks of invalid cells,
// disabled rules and placeholders, the delay column's numbers, and the vertical header.
// Subclasses give the check, the cells and the names; every text is theirs (rowName()), so
// it keeps its translation context.
template <typename Rule>
class RuleListModel : public RuleTableModel
{
public:
    void setRules(const QList<Rule> &rules);
    const QList<Rule> &rules() const { return m_rules; }
    Rule rule(int row) const { return m_rules.value(row); }

    // Text rules depend on the encoding (unencodable characters), so every row is rechecked.
    void setEncoding(Encoding encoding);
    Encoding encoding() const { return m_encoding; }

    // Inserts at row (clamped to 0..rowCount()); returns the row used.
    int insertRule(int row, const Rule &rule);
    bool moveRule(int from, int to);

    // The row's problem, with ruleIndex set to the row.
    std::optional<AutoReplyIssue> issue(int row) const;
    std::optional<AutoReplyIssue> firstIssue() const;
    int invalidCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

protected:
    // delayColumn holds the delay in milliseconds, a number aligned right.
    RuleListModel(int columns, int delayColumn, QObject *parent);

    virtual std::optional<AutoReplyIssue> checkRule(const Rule &rule) const = 0;
    virtual QString ruleName(const Rule &rule) const = 0;
    virtual bool isEnabled(const Rule &rule) const = 0;
    virtual void setEnabled(Rule *rule, bool enabled) const = 0;
    // One cell's edit (any column but the check box) on a copy of the rule; false for a
    // value the column cannot take.
    virtual bool setCell(Rule *rule, int column, const QVariant &value) const = 0;
    // What a cell shows (one line, placeholders for empty values) or edits.
    virtual QVariant cellValue(int row, int column, bool edit) const = 0;
    virtual QString cellToolTip(int row, int column) const = 0;
    // The roles only the subclass has (decorations, roles of its own); none by default.
    virtual QVariant ownData(int row, int column, int role) const;
    // "Rule 3": the header's tooltip and the name an unnamed rule goes by.
    virtual QString rowName(int row) const = 0;
    // Whether the cell shows a stand-in for an empty value (dimmed, in italics).
    virtual bool isPlaceholder(int row, int column) const = 0;
    // The column of an issue's field, -1 for none.
    virtual int fieldColumn(const QString &field) const = 0;
    // What the subclass keeps parallel to the rules follows them through these.
    virtual void rowsReset() {}
    virtual void rowInserted(int /*row*/) {}
    virtual void rowsRemoved(int /*row*/, int /*count*/) {}
    virtual void rowMoved(int /*from*/, int /*to*/) {}

    bool isCell(const QModelIndex &index) const;
    QVariant rowHeaderData(int section, int role) const;
    Qt::ItemFlags cellFlags(const QModelIndex &index, bool editable) const;

private:
    // What every rule table's cells show alike: the check box, IssueRole, the issue (as
    // tooltip, in the error tone) on the cell that holds it, dimmed disabled rules and
    // placeholders, the delay aligned right. Invalid for what the subclass answers itself.
    QVariant sharedData(int row, int column, int role) const;
    void check(int row);
    void replaceRule(int row, const Rule &rule);
    void emitAllChanged();

    QList<Rule> m_rules;
    QList<std::optional<AutoReplyIssue>> m_issues; // parallel to m_rules
    Encoding m_encoding = Encoding::Utf8;
    int m_columns = 0;
    int m_delayColumn = -1;
};

// The editors of both rule tables commit a combo box's choice at once; spin boxes and line
// edits as usual. Subclasses say which editor a column gets.
class RuleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    // A combo box that commits and closes as soon as a choice is made.
    QComboBox *makeCombo(QWidget *parent, const char *name = nullptr) const;
    // A spin box over the delays a rule may have; suffix is the model's " ms".
    static QSpinBox *makeDelaySpin(QWidget *parent, const QString &suffix);
    // A frameless line edit that starts with the cell's tooltip.
    static QLineEdit *makeLineEdit(QWidget *parent, const QModelIndex &index);
};

} // namespace sockscope
