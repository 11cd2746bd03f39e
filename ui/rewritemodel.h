#pragma once

#include "rulelistmodel.h"

#include "core/autoreply/rewriterules.h"

namespace sockscope {

// A relay's rewrite rules as an editable table, checked like the auto-reply table: every rule
// goes through RewriteRules::checkRule() whenever it or the encoding changes, and the
// offending cell is painted in the error tone with the reason as its tooltip. The match
// columns use AutoReplyModel's match kinds, so both editors speak the same words.
class RewriteModel : public RuleListModel<RewriteRule>
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
    static QString directionName(RewriteRule::Direction direction);
    static QString actionName(RewriteRule::Action action);
    static QString actionToolTip(RewriteRule::Action action);

    explicit RewriteModel(QObject *parent = nullptr);
    ~RewriteModel() override;

    static int columnOfField(const QString &field);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    std::optional<AutoReplyIssue> checkRule(const RewriteRule &rule) const override;
    QString ruleName(const RewriteRule &rule) const override { return rule.match.name; }
    bool isEnabled(const RewriteRule &rule) const override { return rule.match.enabled; }
    void setEnabled(RewriteRule *rule, bool enabled) const override
    {
        rule->match.enabled = enabled;
    }
    bool setCell(RewriteRule *rule, int column, const QVariant &value) const override;
    QString rowName(int row) const override;
    bool isPlaceholder(int row, int column) const override;
    QVariant cellValue(int row, int column, bool edit) const override;
    QString cellToolTip(int row, int column) const override;
    int fieldColumn(const QString &field) const override { return columnOfField(field); }

private:
    bool usesReplacement(int row) const;
    bool usesDelay(int row) const;
};

// Editors for RewriteModel: combo boxes (committed on choice) for direction, match type,
// action and replacement format, a spin box for the delay, line edits for the texts.
class RewriteDelegate : public RuleDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RewriteDelegate)

public:
    explicit RewriteDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace sockscope
