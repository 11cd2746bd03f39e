#pragma once

#include "core/autoreply/autoreply.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QTimer;

namespace Ui {
class AutoReplyDialog;
}

namespace sockscope {

class AutoReplyModel;
class RulesFile;

// Edits an auto-reply rule set (device simulation): the rules table, the set
// options (encoding, match mode, echo), JSON import/export and a test box that
// runs a sample frame through the rules as they are now. OK stays disabled
// while any rule is invalid, so config() after accept() is always loadable.
class AutoReplyDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoReplyDialog)

public:
    explicit AutoReplyDialog(const AutoReplyConfig &config, QWidget *parent = nullptr);
    ~AutoReplyDialog() override;

    AutoReplyConfig config() const;
    void setConfig(const AutoReplyConfig &config);

    // Marks the rules the core skipped (see AutoReplyModel::setRuleTrouble()); call after
    // constructing with the applied config.
    void setRuleTrouble(const QStringList &trouble);

    AutoReplyModel *model() const { return m_model; }

    // What the Export/Import buttons do after their file dialog; no message
    // boxes here. On failure *error holds a translated reason (for import:
    // AutoReplyIssue::toString(), naming the rule) and nothing changes.
    bool exportTo(const QString &path, QString *error = nullptr) const;
    bool importFrom(const QString &path, QString *error = nullptr, QStringList *warnings = nullptr);

    // Runs the test box now (it also runs shortly after every change).
    void runTest();

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillCombos();
    void setUpRulesView();
    void setUpTestPane();
    void connectSignals();
    int currentRow() const;
    void selectRow(int row);
    void addRule();
    void duplicateRule();
    void removeRules();
    void moveCurrent(int delta);
    RulesFile rulesFile() const;
    void chooseImportFile();
    void chooseExportFile();
    void updateState();
    void updateStatusText();
    void scheduleTest();
    QString testReport() const;
    QString parseTestInput(const QString &input, Encoding encoding, QByteArray *bytes) const;
    QString describeMatches(const AutoReplyConfig &cfg, const QByteArray &frame) const;
    QStringList describeReplies(const QList<AutoReply> &replies, const QByteArray &frame,
                                Encoding encoding) const;

    std::unique_ptr<Ui::AutoReplyDialog> m_ui;
    AutoReplyModel *m_model = nullptr;
    QTimer *m_testTimer = nullptr;
    QString m_status;
    bool m_statusIsError = false;
    QString m_lastDir;
};

} // namespace sockscope
