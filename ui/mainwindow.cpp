#include "mainwindow.h"

#include "appsettings.h"
#include "cli/launchoptions.h"
#include "logpane.h"
#include "sessionkinds.h"
#include "sessiontab.h"

#include "core/report/lagmeter.h"
#include "core/report/sessionreport.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>

namespace sockscope {

namespace {

QString byteText(double bytes)
{
    // KiB/MiB, as everywhere else in the window (file progress, log limits).
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

} // namespace

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_tabs(new QTabWidget(this)),
      m_lag(new LagMeter(this, 20))
{
    if (!m_settings) {
        m_ownSettings = std::make_unique<AppSettings>();
        m_settings = m_ownSettings.get();
    }
    setWindowTitle(tr("SockScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sockscope.svg")));
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);

    auto *plus = new QToolButton(m_tabs);
    plus->setObjectName(QStringLiteral("newSessionButton"));
    plus->setText(QStringLiteral("+"));
    plus->setToolTip(tr("Open another session"));
    plus->setPopupMode(QToolButton::InstantPopup);
    auto *plusMenu = new QMenu(plus);
    for (const SessionKind &kind : sessionKinds())
        plusMenu->addAction(kind.name(), this, [this, mode = kind.mode] { addSession(mode); });
    plus->setMenu(plusMenu);
    m_tabs->setCornerWidget(plus, Qt::TopRightCorner);

    m_rx = new QLabel(this);
    m_rx->setObjectName(QStringLiteral("statusRx"));
    m_tx = new QLabel(this);
    m_tx->setObjectName(QStringLiteral("statusTx"));
    m_peers = new QLabel(this);
    m_peers->setObjectName(QStringLiteral("statusPeers"));
    m_lagLabel = new QLabel(this);
    m_lagLabel->setObjectName(QStringLiteral("statusLag"));
    m_lagLabel->setToolTip(tr("How late the window's event loop runs (99th percentile and "
                              "worst over the last few seconds): the window's responsiveness."));
    buildRecordingIndicator();
    for (QLabel *l : {m_rx, m_tx, m_peers, m_lagLabel})
        statusBar()->addPermanentWidget(l);
    auto *lagTimer = new QTimer(this);
    connect(lagTimer, &QTimer::timeout, this, [this] {
        const LagMeter::Stats s = m_lag->stats();
        m_lagLabel->setText(
            tr("lag p99 %1 ms, max %2 ms").arg(s.p99Ms, 0, 'f', 1).arg(s.maxMs, 0, 'f', 0));
        m_lag->reset();
    });
    lagTimer->start(5000);
    m_lag->start();

    buildMenus();
    restoreSettings();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *newMenu = file->addMenu(tr("&New session"));
    for (const SessionKind &kind : sessionKinds()) {
        QAction *a =
            newMenu->addAction(kind.menuText(), this, [this, mode = kind.mode] { addSession(mode); });
        a->setShortcut(kind.shortcut());
    }
    QAction *a = file->addAction(tr("&Save log…"), this, [this] {
        if (SessionTab *t = currentSession())
            t->saveLog();
    });
    a->setShortcut(QKeySequence::Save);
    file->addSeparator();
    a = file->addAction(tr("&Close session"), this, [this] { closeTab(m_tabs->currentIndex()); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setShortcut(QKeySequence::Quit);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    a = session->addAction(tr("&Start"), this, [this] {
        if (SessionTab *t = currentSession())
            t->start();
    });
    a->setShortcut(QKeySequence(Qt::Key_F5));
    a = session->addAction(tr("S&top"), this, [this] {
        if (SessionTab *t = currentSession())
            t->stop();
    });
    a->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    a = session->addAction(tr("&Reset counters"), this, [this] {
        if (SessionTab *t = currentSession())
            t->resetCounters();
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    QMenu *settings = menuBar()->addMenu(tr("Se&ttings"));
    settings->addAction(tr("&Log limits…"), this, &MainWindow::editLogLimits);
    QMenu *language = settings->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(language);
    const QList<QPair<QString, QString>> choices{
        {tr("System default"), QString()},
        {QStringLiteral("English"), QStringLiteral("en")},
        {QStringLiteral("简体中文"), QStringLiteral("zh_CN")}};
    for (const auto &[name, code] : choices) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == m_settings->language());
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            if (code == m_settings->language())
                return;
            m_settings->setLanguage(code);
            m_settings->sync();
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies when SockScope restarts."));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SockScope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

SessionTab *MainWindow::currentSession() const
{
    return qobject_cast<SessionTab *>(m_tabs->currentWidget());
}

SessionTab *MainWindow::addSession(Session::Mode mode)
{
    auto *tab = new SessionTab(mode, m_tabs);
    tab->logPane()->model()->setLimits(m_settings->logLimits());
    const int index = m_tabs->addTab(tab, tab->stateIcon(), tab->title());
    connect(tab, &SessionTab::titleChanged, this, [this, tab] { updateTab(tab); });
    connect(tab, &SessionTab::statsChanged, this, [this, tab] {
        if (tab == currentSession())
            updateStatus();
    });
    connect(tab, &SessionTab::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(tab, &SessionTab::recordingChanged, this, [this, tab] {
        if (tab == currentSession())
            updateRecordingIndicator();
    });
    m_tabs->setCurrentIndex(index);
    return tab;
}

void MainWindow::updateTab(SessionTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    updateTabTitles();
    m_tabs->setTabIcon(index, tab->stateIcon());
    m_tabs->setTabToolTip(index, tab->session()->stateText());
}

void MainWindow::updateTabTitles()
{
    // Tabs with the same title (two clients of one server) are numbered so they can be told
    // apart: "TCP Client → host:port", "TCP Client → host:port (2)".
    QHash<QString, int> seen;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<SessionTab *>(m_tabs->widget(i));
        if (!tab)
            continue;
        const QString title = tab->title();
        const int n = ++seen[title];
        m_tabs->setTabText(i, n == 1 ? title : tr("%1 (%2)").arg(title).arg(n));
    }
}

void MainWindow::closeTab(int index)
{
    if (index < 0)
        return;
    QWidget *w = m_tabs->widget(index);
    if (w == m_reportTab)
        writeLaunchReport();
    m_tabs->removeTab(index);
    delete w; // stops its session
    updateTabTitles();
    updateStatus();
}

void MainWindow::buildRecordingIndicator()
{
    // The recording is visible where the counters are, not only as a tick in a menu, with
    // its file and a one-click stop.
    m_recording = new QLabel(this);
    m_recording->setObjectName(QStringLiteral("recordingStatus"));
    QFont bold = m_recording->font();
    bold.setBold(true);
    m_recording->setFont(bold);
    m_stopRecording = new QToolButton(this);
    m_stopRecording->setObjectName(QStringLiteral("stopRecording"));
    m_stopRecording->setText(tr("Stop recording"));
    connect(m_stopRecording, &QToolButton::clicked, this, [this] {
        if (SessionTab *t = currentSession())
            t->stopRecording();
    });
    statusBar()->addPermanentWidget(m_recording);
    statusBar()->addPermanentWidget(m_stopRecording);
    m_recording->hide();
    m_stopRecording->hide();
}

void MainWindow::updateRecordingIndicator()
{
    SessionTab *tab = currentSession();
    const QString path = tab ? tab->recordingPath() : QString();
    m_recording->setVisible(!path.isEmpty());
    m_stopRecording->setVisible(!path.isEmpty());
    if (path.isEmpty())
        return;
    m_recording->setText(tr("Recording to %1").arg(QFileInfo(path).fileName()));
    m_recording->setToolTip(
        tr("Every message of this session is appended to %1.").arg(QDir::toNativeSeparators(path)));
    m_stopRecording->setToolTip(tr("Stop recording to %1.").arg(QFileInfo(path).fileName()));
}

void MainWindow::updateStatus()
{
    updateRecordingIndicator();
    SessionTab *tab = currentSession();
    if (!tab) {
        m_rx->clear();
        m_tx->clear();
        m_peers->clear();
        return;
    }
    const SessionTab::Stats s = tab->stats();
    m_rx->setText(tr("RX %1 in %Ln msg(s), %2/s", nullptr, s.rxMessages)
                      .arg(byteText(double(s.rxBytes)), byteText(s.rxRate)));
    m_tx->setText(tr("TX %1 in %Ln msg(s), %2/s", nullptr, s.txMessages)
                      .arg(byteText(double(s.txBytes)), byteText(s.txRate)));
    m_peers->setText(tr("%n peer(s)", nullptr, s.peers));
}

void MainWindow::applyLaunchOptions(const LaunchOptions &options)
{
    if (!options.modeGiven)
        return;
    SessionTab *target = nullptr;
    for (int i = 0; i < m_tabs->count() && !target; ++i) {
        auto *t = qobject_cast<SessionTab *>(m_tabs->widget(i));
        if (t && t->mode() == options.mode)
            target = t;
    }
    if (!target)
        target = addSession(options.mode);
    m_tabs->setCurrentWidget(target);
    target->applyLaunchOptions(options);
    if (!options.reportFile.isEmpty()) {
        m_reportTab = target;
        m_reportFile = options.reportFile;
        if (!m_reportLag)
            m_reportLag = new LagMeter(this);
        m_reportLag->reset();
        m_reportLag->start();
    }
}

bool MainWindow::writeLaunchReport(QString *error)
{
    if (m_reportFile.isEmpty() || !m_reportTab)
        return true;
    const QString file = std::exchange(m_reportFile, QString());
    m_reportLag->stop();
    QString why;
    if (writeReportFile(file, sessionReport(*m_reportTab->session(), m_reportLag->stats()), &why))
        return true;
    why = tr("Cannot write the report %1: %2").arg(file, why);
    qWarning("%s", qPrintable(why));
    if (error)
        *error = why;
    return false;
}

void MainWindow::restoreSettings()
{
    QSettings &s = m_settings->raw();
    const int count = m_settings->sessionCount();
    if (count < 0) {
        for (const SessionKind &kind : sessionKinds())
            if (kind.openAtFirstStart)
                addSession(kind.mode);
        m_tabs->setCurrentIndex(0);
    } else {
        for (int i = 0; i < count; ++i) {
            s.beginGroup(AppSettings::sessionGroup(i));
            Session::Mode mode;
            if (Session::modeFromName(s.value(QStringLiteral("mode")).toString(), &mode))
                addSession(mode)->restoreState(s);
            s.endGroup();
        }
        m_tabs->setCurrentIndex(
            qBound(0, s.value(QStringLiteral("sessions/current")).toInt(), m_tabs->count() - 1));
    }
    if (!restoreGeometry(m_settings->windowGeometry())) // first run: no larger than the screen
        resize(QSize(1180, 760).boundedTo(screen()->availableGeometry().size()));
    restoreState(m_settings->windowState());
}

void MainWindow::saveSettings()
{
    QSettings &s = m_settings->raw();
    s.remove(QStringLiteral("sessions"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *t = qobject_cast<SessionTab *>(m_tabs->widget(i));
        s.beginGroup(AppSettings::sessionGroup(i));
        t->saveState(s);
        s.endGroup();
    }
    m_settings->setSessionCount(m_tabs->count());
    s.setValue(QStringLiteral("sessions/current"), m_tabs->currentIndex());
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
}

void MainWindow::closeWithoutAsking()
{
    m_closeWithoutAsking = true;
    close();
    m_closeWithoutAsking = false;
}

bool MainWindow::confirmQuit()
{
    int running = 0;
    int clients = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto *t = qobject_cast<SessionTab *>(m_tabs->widget(i));
        if (!t)
            continue;
        const int open = t->session()->openPeerCount();
        clients += open;
        // Running: listening, connected or open, or stopped listening with clients still there.
        if (t->session()->state() == Session::State::Active || open > 0)
            ++running;
    }
    if (running == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit SockScope"),
                    tr("Quit while %n session(s) are running?", nullptr, running),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmQuit"));
    box.setInformativeText(
        tr("Quitting stops every session and closes %n connection(s).", nullptr, clients));
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(quit);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == quit;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Nobody to ask when the window is not shown (launch tests) or when a signal closes it.
    if (!m_closeWithoutAsking && isVisible() && !confirmQuit()) {
        event->ignore();
        return;
    }
    writeLaunchReport();
    saveSettings();
    event->accept();
}

void MainWindow::editLogLimits()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Log limits"));
    auto *form = new QFormLayout(&dialog);
    const LogStore::Limits current = m_settings->logLimits();
    auto *rows = new QSpinBox(&dialog);
    rows->setObjectName(QStringLiteral("maxRows"));
    rows->setRange(1000, 10000000);
    rows->setSingleStep(10000);
    rows->setValue(int(current.maxRows));
    auto *mib = new QSpinBox(&dialog);
    mib->setObjectName(QStringLiteral("maxMiB"));
    mib->setRange(1, 16384);
    mib->setSuffix(tr(" MiB"));
    mib->setValue(int(current.maxBytes >> 20));
    form->addRow(tr("Rows kept per session"), rows);
    form->addRow(tr("Memory per session"), mib);
    form->addRow(new QLabel(tr("The oldest messages are dropped from the view beyond these "
                               "limits. Counters and recording to file are not affected."),
                            &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    LogStore::Limits limits;
    limits.maxRows = rows->value();
    limits.maxBytes = qint64(mib->value()) << 20;
    m_settings->setLogLimits(limits);
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *t = qobject_cast<SessionTab *>(m_tabs->widget(i)))
            t->logPane()->model()->setLimits(limits);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About SockScope"),
        tr("<h3>SockScope %1</h3>"
           "<p>A network debugging assistant: TCP server, TCP client and UDP peer with exact "
           "bytes, framing for sticky packets and a log that survives floods.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>"
           "<p>License: MIT.</p>")
            .arg(QStringLiteral(SOCKSCOPE_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
}

} // namespace sockscope
