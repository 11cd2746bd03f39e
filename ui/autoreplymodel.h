#pragma once

#include "core/codec/encoding.h"
#include "core/autoreply/autoreply.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QStyledItemDelegate>

#include <optional>

namespace sockscope {

// The rules of an auto-reply set as an editable table. Every rule is checked
// with AutoReplyRules::checkRule() whenever it or the set's encoding changes;
// the offending cell is painted red and carries the reason as its tooltip.
//
// The Match column folds the type-specific switches (exact text/hex, hex
// anywhere, ignore case) into one choice, so every column holds one value.
class AutoReplyModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoReplyModel)

public:
    enum Column
    {
        EnabledColumn,
        NameColumn,
        MatchColumn,       // EditRole: int MatchKind
        PatternColumn,     //
        ReplyFormatColumn, // EditRole: int AutoReplyRule::Format
        ReplyColumn,       //
        DelayColumn,       // EditRole: int milliseconds
        ColumnCount
    };
    enum Role
    {
        IssueRole = Qt::UserRole + 1, // QString: the row's problem, empty when valid
        TroubleRole,                  // QString: why the applied rule was skipped, or empty
    };

    enum class MatchKind
    {
        ExactText,
        ExactHex,
        HexPattern,
        HexPatternAnywhere,
        Substring,
        SubstringIgnoreCase,
        Regex,
        RegexIgnoreCase,
    };
    static constexpr int MatchKindCount = 8;
    static MatchKind matchKind(const AutoReplyRule &rule);
    // Sets match and the switch that kind implies; switches of other types are left alone.
    static void applyMatchKind(AutoReplyRule *rule, MatchKind kind);
    static QString matchKindName(MatchKind kind);
    static QString matchKindToolTip(MatchKind kind);
    static QString formatName(AutoReplyRule::Format format);

    explicit AutoReplyModel(QObject *parent = nullptr);
    ~AutoReplyModel() override;

    void setRules(const QList<AutoReplyRule> &rules);
    const QList<AutoReplyRule> &rules() const { return m_rules; }
    AutoReplyRule rule(int row) const { return m_rules.value(row); }

    // Text rules depend on the encoding (unencodable characters), so every row is rechecked.
    void setEncoding(Encoding encoding);
    Encoding encoding() const { return m_encoding; }

    // Why each rule (by row, as in the applied set) was skipped at run time for blowing its
    // budget (AutoReplyRules::ruleTrouble()); shown as a mark on the name. The marks follow
    // their rows through moves and removals; setRules() drops them.
    void setRuleTrouble(const QStringList &trouble);

    // Inserts at row (clamped to 0..rowCount()); returns the row used.
    int insertRule(int row, const AutoReplyRule &rule);
    bool moveRule(int from, int to);

    // The row's problem, with ruleIndex set to the row.
    std::optional<AutoReplyIssue> issue(int row) const;
    std::optional<AutoReplyIssue> firstIssue() const;
    int invalidCount() const;
    static int columnOfField(const QString &field);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

signals:
    // Any change to the rules or their validity (edits, inserts, removals, moves, encoding).
    void rulesChanged();

private:
    void check(int row);
    QString cellToolTip(int row, int column) const;
    QVariant cellValue(int row, int column, bool edit) const;

    QList<AutoReplyRule> m_rules;
    QList<std::optional<AutoReplyIssue>> m_issues; // parallel to m_rules
    QStringList m_trouble;                         // parallel to m_rules
    Encoding m_encoding = Encoding::Utf8;
};

// Editors for AutoReplyModel: combo boxes for the match type and the reply
// format, a spin box for the delay, line edits for the texts. Combo boxes
// commit as soon as a choice is made.
class AutoReplyDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoReplyDelegate)

public:
    explicit AutoReplyDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace sockscope
