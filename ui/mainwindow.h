#pragma once

#include "core/session/session.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QTabWidget;
class QToolButton;

namespace sockscope {

class AppSettings;
class LagMeter;
class SessionTab;
struct LaunchOptions;

// The application window: one tab per session, a "+" to open more, menus,
// and a status bar with the current tab's counters and rates.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // settings: nullptr uses the platform's default location.
    explicit MainWindow(AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *sessionTabs() const { return m_tabs; }
    SessionTab *currentSession() const;
    SessionTab *addSession(Session::Mode mode);
    // Opens (or reuses) a tab of the options' mode, configured by them.
    void applyLaunchOptions(const LaunchOptions &options);

    void saveSettings();

    // With --report FILE: writes the launched tab's run report (the headless format) now,
    // once; later calls do nothing. Called when that tab or the window closes.
    bool writeLaunchReport(QString *error = nullptr);

public slots:
    // Closes without asking, even with clients connected: for SIGTERM/SIGINT and tests.
    void closeWithoutAsking();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreSettings();
    void closeTab(int index);
    // With sessions running, asks before quitting; false when the user keeps the window.
    bool confirmQuit();
    void updateTab(SessionTab *tab);
    void updateTabTitles();
    void updateStatus();
    void buildRecordingIndicator();
    void updateRecordingIndicator();
    void editLogLimits();
    void showAbout();

    std::unique_ptr<AppSettings> m_ownSettings;
    AppSettings *m_settings = nullptr;
    QTabWidget *m_tabs = nullptr;
    LagMeter *m_lag = nullptr;
    QLabel *m_rx = nullptr;
    QLabel *m_tx = nullptr;
    QLabel *m_peers = nullptr;
    QLabel *m_lagLabel = nullptr;
    QLabel *m_recording = nullptr; // "Recording to FILE" of the current tab
    QToolButton *m_stopRecording = nullptr;
    // --report: the launched tab, its file and a lag meter over the whole run.
    QPointer<SessionTab> m_reportTab;
    QString m_reportFile;
    LagMeter *m_reportLag = nullptr;
    bool m_closeWithoutAsking = false;
};

} // namespace sockscope
