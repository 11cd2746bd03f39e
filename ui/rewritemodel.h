#pragma once

#include "core/autoreply/rewriterules.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStyledItemDelegate>

#include <optional>

namespace sockscope {

// A relay's rewrite rules as an editable table, checked like the auto-reply table: every rule
// goes through RewriteRules::checkRule() whenever it or the encoding changes, and the
// offending cell is painted in the error tone with the reason as its tooltip. The match
// columns use AutoReplyModel's match kinds, so both editors speak the same words.
class RewriteModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RewriteModel)

public:
    enum Column
    {
        EnabledColumn,
        NameColumn,
        DirectionColumn,         // EditRole: int RewriteRule::Direction
        MatchColumn,             // EditRole: int AutoReplyModel::MatchKind
        PatternColumn,           //
        ActionColumn,            // EditRole: int RewriteRule::Action
        ReplacementFormatColumn, // EditRole: int AutoReplyRule::Format
        ReplacementColumn,       //
        DelayColumn,             // EditRole: int milliseconds
        ColumnCount
    };
    enum Role
    {
        IssueRole = Qt::UserRole + 1, // QString: the row's problem, empty when valid
    };

    static QString directionName(RewriteRule::Direction direction);
    static QString actionName(RewriteRule::Action action);
    static QString actionToolTip(RewriteRule::Action action);

    explicit RewriteModel(QObject *parent = nullptr);
    ~RewriteModel() override;

    void setRules(const QList<RewriteRule> &rules);
    const QList<RewriteRule> &rules() const { return m_rules; }
    RewriteRule rule(int row) const { return m_rules.value(row); }
    void setEncoding(Encoding encoding);
    Encoding encoding() const { return m_encoding; }

    int insertRule(int row, const RewriteRule &rule);
    bool moveRule(int from, int to);

    // The row's problem, with ruleIndex set to the row.
    std::optional<AutoReplyIssue> issue(int row) const;
    std::optional<AutoReplyIssue> firstIssue() const;
    static int columnOfField(const QString &field);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

signals:
    // Any change to the rules or their validity.
    void rulesChanged();

private:
    void check(int row);
    bool usesReplacement(int row) const;
    bool usesDelay(int row) const;
    QVariant cellValue(int row, int column, bool edit) const;
    QString cellToolTip(int row, int column) const;
    bool setCell(RewriteRule *rule, int column, const QVariant &value) const;

    QList<RewriteRule> m_rules;
    QList<std::optional<AutoReplyIssue>> m_issues; // parallel to m_rules
    Encoding m_encoding = Encoding::Utf8;
};

// Editors for RewriteModel: combo boxes (committed on choice) for direction, match type,
// action and replacement format, a spin box for the delay, line edits for the texts.
class RewriteDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RewriteDelegate)

public:
    explicit RewriteDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace sockscope
