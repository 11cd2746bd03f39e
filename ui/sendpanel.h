#pragma once

#include "core/message/message.h"

#include <QString>
#include <QWidget>

#include <memory>

class QAbstractItemView;
class QComboBox;
class QModelIndex;
class QSettings;
class QTimer;

namespace Ui {
class SendPanel;
}

namespace sockscope {

class DynamicContext;
class MessageListModel;
class SendHistoryModel;
class SendPresetModel;

// The bottom of a session tab: message editor with its options, a live preview
// of the exact bytes, Send / periodic / file buttons, history and presets.
// It never sends by itself: it emits requests, and the tab reports back through
// the slots (connection state, periodic and file progress, errors, history).
class SendPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendPanel)

public:
    explicit SendPanel(QWidget *parent = nullptr);
    ~SendPanel() override;

    // The message as currently edited (content and options).
    MessageSpec spec() const;
    // Replaces content and options; the preview updates at once.
    void setSpec(const MessageSpec &spec);

    // A relay session's inject choice: which side of the pair(s) a send goes to.
    enum class RelaySide
    {
        Client, // "To the client": injected as if the server had sent it
        Server, // "To the server": injected as if the client had sent it
    };
    // Shows the "To the client / To the server" choice on the send row (relay sessions only).
    void setRelaySidesShown(bool shown);
    bool relaySidesShown() const;
    RelaySide relaySide() const;
    void setRelaySide(RelaySide side);

    // What the preview shows (flush a pending update with refreshPreview()).
    const MessageBuildResult &previewResult() const { return m_preview; }
    // True when Send would emit sendRequested: connected and a valid message.
    bool canSend() const;

    // The sender state of the Send button, so the preview shows the counter
    // value the next send will use. Not owned; pass nullptr before it dies.
    void setPreviewContext(const DynamicContext *context);

    // History and presets; the tab persists them with save()/load() and a
    // settings group of its choice.
    SendHistoryModel *historyModel() const { return m_history; }
    SendPresetModel *presetModel() const { return m_presets; }

    // Editor content, options, periodic settings and layout, in the settings'
    // current group (history and presets are separate, see the models).
    void saveState(QSettings &settings) const;
    void restoreState(QSettings &settings);

public slots:
    // canSend false disables Send, periodic start and file sending; whyNot
    // becomes their tooltip (e.g. "Not connected").
    void setConnected(bool canSend, const QString &whyNot = QString());
    void setPeriodicRunning(bool running);
    void setPeriodicProgress(int sent, int count); // count 0: until stopped
    // Shows the progress bar and Cancel until setFileFinished().
    void setFileProgress(qint64 done, qint64 total);
    void setFileFinished(bool ok, const QString &message);
    void showSendError(const QString &message);
    // The tab's send target changed (another selection): notes about earlier sends go.
    void targetChanged();
    // The tab calls this after a successful send.
    void addToHistory(const sockscope::MessageSpec &spec);
    // Adds the editor's message as a preset (the Add… button asks for the name).
    void addCurrentAsPreset(const QString &name);

    // What Send / Ctrl+Return do: emit sendRequested() if canSend().
    void send();
    // Emits sendFileRequested(path) and shows the transfer controls.
    void sendFile(const QString &path);
    // Recomputes the preview now instead of after the typing debounce (e.g.
    // after a send advanced the dynamic field counter).
    void refreshPreview();

signals:
    void sendRequested(const sockscope::MessageSpec &spec);
    void periodicStartRequested(const sockscope::MessageSpec &spec, int intervalMs, int count);
    void periodicStopRequested();
    void sendFileRequested(const QString &path);
    void sendFileCancelRequested();
    // The Seq… button: the tab opens its send-sequence editor.
    void sequenceRequested();
    // The relay side choice changed: the targets and their words change with it.
    void relaySideChanged(sockscope::SendPanel::RelaySide side);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void populateCombos();
    void buildRelaySideCombo();
    void setupLists();
    void onFormatToggled();
    void onChecksumChanged();
    void onContentChanged();
    void updatePreview();
    void showPreview();
    // " (column N)" or " (line L, column N)" of the preview's error; empty without one.
    QString errorPlace() const;
    void updateControls();
    // What a note under the editor is about; it goes when that stops being true.
    enum class Note
    {
        Problem,    // the message or the connection: cleared by the next change
        Result,     // the last send or file transfer: goes when target or connection change
        Conversion, // a format switch: goes when escapes or the format change
    };
    void setStatus(const QString &text, bool error = false, Note kind = Note::Problem);
    void clearNote(Note kind);
    void switchToTextWithEscapes();
    void applySpecToControls(const MessageSpec &spec);

    void loadEntry(const MessageListModel *model, const QModelIndex &index, bool andSend);
    void onPeriodicClicked();
    void onSendFileClicked();
    void onPresetAddClicked();
    void onHistoryToPreset();
    void onPresetRename();
    void onPresetDelete();
    void showFieldsHelp();
    void showListMenu(QAbstractItemView *view, const QPoint &pos);

    std::unique_ptr<Ui::SendPanel> m_ui;
    QComboBox *m_relaySide = nullptr; // on the send row, after Send
    SendHistoryModel *m_history = nullptr;
    SendPresetModel *m_presets = nullptr;
    QTimer *m_previewTimer = nullptr;
    const DynamicContext *m_context = nullptr;

    MessageBuildResult m_preview;
    MessageFormat m_format = MessageFormat::Text; // the format the content is written in
    Note m_note = Note::Problem;
    bool m_connected = true;
    QString m_whyNot;
    bool m_periodicRunning = false;
    int m_periodicSent = 0;
    int m_periodicCount = 0;
    bool m_fileRunning = false;
    QString m_lastFileDir;
};

} // namespace sockscope
