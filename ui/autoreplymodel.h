#pragma once

#include "rulelistmodel.h"

#include "core/autoreply/autoreply.h"

#include <QStringList>

namespace sockscope {

// The rules of an auto-reply set as an editable table. Every rule is checked
// with AutoReplyRules::checkRule() whenever it or the set's encoding changes;
// the offending cell is painted red and carries the reason as its tooltip.
//
// The Match column folds the type-specific switches (exact text/hex, hex
// anywhere, ignore case) into one choice, so every column holds one value.
class AutoReplyModel : public RuleListModel<AutoReplyRule>
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
        // IssueRole comes from RuleTableModel.
        TroubleRole = FirstOwnRole, // QString: why the applied rule was skipped, or empty
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

    // Why each rule (by row, as in the applied set) was skipped at run time for blowing its
    // budget (AutoReplyRules::ruleTrouble()); shown as a mark on the name. The marks follow
    // their rows through moves and removals; setRules() drops them.
    void setRuleTrouble(const QStringList &trouble);

    static int columnOfField(const QString &field);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    std::optional<AutoReplyIssue> checkRule(const AutoReplyRule &rule) const override;
    QString ruleName(const AutoReplyRule &rule) const override { return rule.name; }
    bool isEnabled(const AutoReplyRule &rule) const override { return rule.enabled; }
    void setEnabled(AutoReplyRule *rule, bool enabled) const override { rule->enabled = enabled; }
    bool setCell(AutoReplyRule *rule, int column, const QVariant &value) const override;
    QString rowName(int row) const override;
    bool isPlaceholder(int row, int column) const override;
    QVariant cellValue(int row, int column, bool edit) const override;
    QString cellToolTip(int row, int column) const override;
    QVariant ownData(int row, int column, int role) const override;
    int fieldColumn(const QString &field) const override { return columnOfField(field); }
    void rowsReset() override;
    void rowInserted(int row) override;
    void rowsRemoved(int row, int count) override;
    void rowMoved(int from, int to) override;

private:
    QStringList m_trouble; // parallel to rules()
};

// Editors for AutoReplyModel: combo boxes for the match type and the reply
// format, a spin box for the delay, line edits for the texts. Combo boxes
// commit as soon as a choice is made.
class AutoReplyDelegate : public RuleDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoReplyDelegate)

public:
    explicit AutoReplyDelegate(QObject *parent = nullptr);

    // The choices of the match type and of a reply's format, for any rule table's editor.
    static void addMatchKinds(QComboBox *combo);
    static void addFormats(QComboBox *combo);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace sockscope
