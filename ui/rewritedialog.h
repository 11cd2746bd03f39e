#pragma once

#include "core/autoreply/rewriterules.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTimer;

namespace sockscope {

class RewriteModel;
class RulesFile;

// Edits a relay's rewrite rules (docs/rewrite-rules.md): the rules table (direction, match,
// action, replacement, delay), the encoding, JSON import/export and a test box that runs a
// sample frame of one direction through the rules as they are now. OK stays disabled while
// any rule is invalid, so config() after accept() is always accepted by the relay.
class RewriteDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RewriteDialog)

public:
    explicit RewriteDialog(const RewriteConfig &config, QWidget *parent = nullptr);
    ~RewriteDialog() override;

    RewriteConfig config() const;
    void setConfig(const RewriteConfig &config);
    RewriteModel *model() const { return m_model; }

    // What Import/Export do after their file dialog. On failure *error holds a translated
    // reason (naming the rule) and nothing changes.
    bool exportTo(const QString &path, QString *error = nullptr) const;
    bool importFrom(const QString &path, QString *error = nullptr, QStringList *warnings = nullptr);

    // Runs the test box now (it also runs shortly after every change).
    void runTest();
    QString statusText() const;

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLayout *buildRulesArea();
    QLayout *buildBottomArea();
    void connectSignals();
    int currentRow() const;
    void selectRow(int row);
    void addRule();
    void removeRule();
    void moveCurrent(int delta);
    RulesFile rulesFile() const;
    void chooseImportFile();
    void chooseExportFile();
    void updateState();
    QString testReport() const;

    RewriteModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_testDirection = nullptr;
    QComboBox *m_testFormat = nullptr;
    QLineEdit *m_testInput = nullptr;
    QPlainTextEdit *m_testResult = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_testTimer = nullptr;
    QString m_lastDir;
};

} // namespace sockscope
