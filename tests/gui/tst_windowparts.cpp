// Smaller parts of the window that told the user something untrue (issue #11 item 22):
// tab titles that cannot be told apart, "No client connected yet." after clients came and
// went, decimal and binary size units side by side, and {{counter}} starting over.
#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/sendpanel.h"
#include "ui/sequencedialog.h"
#include "ui/sequencemodel.h"
#include "ui/sessiontab.h"

#include "cli/launchoptions.h"

#include "boundport.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

const QHostAddress Loopback(QHostAddress::LocalHost);

quint16 listen(SessionTab *tab)
{
    LaunchOptions o;
    o.bind = Loopback;
    o.bindGiven = true;
    o.port = 0;
    o.portGiven = true;
    o.startNow = true;
    tab->applyLaunchOptions(o);
    return test::waitForBoundPort(tab->session());
}

} // namespace

class tst_WindowParts : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"sockscope.ini"_s));
        m_window = std::make_unique<MainWindow>(m_settings.get());
        m_window->resize(1280, 800);
    }
    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    // Every tab title differs, also for two clients aimed at the same server; closing one
    // gives the other its plain title back.
    void tabTitlesAreDistinct()
    {
        LaunchOptions o;
        o.host = u"127.0.0.1"_s;
        o.port = 9123; // not the default client tab's target
        o.portGiven = true;
        SessionTab *a = m_window->addSession(Session::Mode::TcpClient);
        a->applyLaunchOptions(o);
        SessionTab *b = m_window->addSession(Session::Mode::TcpClient);
        b->applyLaunchOptions(o);
        QTabWidget *tabs = m_window->sessionTabs();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QCOMPARE(QSet<QString>(titles.cbegin(), titles.cend()).size(), titles.size());
        QVERIFY2(tabs->tabText(tabs->indexOf(a)).contains(u"127.0.0.1:9123"_s),
                 qPrintable(titles.join(u" | "_s)));
        QVERIFY(tabs->tabText(tabs->indexOf(b)).contains(u"127.0.0.1:9123"_s));

        QVERIFY(QMetaObject::invokeMethod(tabs, "tabCloseRequested", Q_ARG(int, tabs->indexOf(b))));
        QTRY_VERIFY(tabs->indexOf(b) < 0);
        QCOMPARE(tabs->tabText(tabs->indexOf(a)), a->title());
    }

    // "yet" only until the first client came.
    void noClientYetOnlyBeforeTheFirst()
    {
        SessionTab *tab = m_window->addSession(Session::Mode::TcpServer);
        const quint16 port = listen(tab);
        QVERIFY(port != 0);
        auto *label = tab->findChild<QLabel *>(u"sendTarget"_s);
        QVERIFY(label);
        QCOMPARE(label->text(), u"No client connected yet."_s);
        {
            QTcpSocket c;
            c.connectToHost(Loopback, port);
            QTRY_COMPARE(tab->session()->openPeerCount(), 1);
            c.close();
        }
        QTRY_COMPARE(tab->session()->openPeerCount(), 0);
        QVERIFY2(!label->text().contains(u"yet"_s), qPrintable(label->text()));
        QVERIFY(label->text().contains(u"No client"_s));
        // A new listening period starts afresh.
        tab->stop();
        QVERIFY(listen(tab) != 0);
        QCOMPARE(label->text(), u"No client connected yet."_s);
    }

    // Sizes and rates in the status bar use the binary units the rest of the window uses
    // (KiB, MiB), never KB or MB.
    void statusUsesBinaryUnits()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        SessionTab *tab = m_window->addSession(Session::Mode::TcpServer);
        const quint16 port = listen(tab);
        QVERIFY(port != 0);
        QTcpSocket c;
        c.connectToHost(Loopback, port);
        QVERIFY(c.waitForConnected(5000));
        c.write(QByteArray(3 * 1024 * 1024, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(tab->stats().rxBytes, qint64(3 * 1024 * 1024), 20000);
        auto *rx = m_window->findChild<QLabel *>(u"statusRx"_s);
        QVERIFY(rx);
        QTRY_VERIFY2(rx->text().contains(u"3.0 MiB"_s), qPrintable(rx->text()));
        QVERIFY2(!rx->text().contains(u" MB"_s) && !rx->text().contains(u" KB"_s),
                 qPrintable(rx->text()));
    }

    // {{counter}} keeps counting when a periodic send is started again (as the Send button
    // does), so a device log never sees the same number twice from one tab.
    void counterKeepsCountingAcrossRuns()
    {
        SessionTab *tab = m_window->addSession(Session::Mode::TcpServer);
        const quint16 port = listen(tab);
        QVERIFY(port != 0);
        QTcpSocket c;
        c.connectToHost(Loopback, port);
        QTRY_COMPARE(tab->session()->openPeerCount(), 1);
        SendPanel *panel = tab->sendPanel();
        MessageSpec s;
        s.content = u"n={{counter}};"_s;
        s.dynamicFields = true;
        panel->setSpec(s);
        tab->findChild<QSpinBox *>(u"intervalSpin"_s)->setValue(10);
        tab->findChild<QSpinBox *>(u"countSpin"_s)->setValue(2);
        auto *start = tab->findChild<QPushButton *>(u"periodicButton"_s);
        QVERIFY(start);
        QByteArray got;
        for (int run = 0; run < 2; ++run) {
            QTRY_VERIFY(start->isEnabled() && start->text().contains(u"Sta"_s));
            QTest::mouseClick(start, Qt::LeftButton);
            const QByteArray want = run == 0 ? "n=1;n=2;" : "n=1;n=2;n=3;n=4;";
            QTRY_COMPARE((got += c.readAll()), want);
        }
        // A sequence is a sender of its own: it counts from 1, and on across its runs.
        auto *sequence = tab->findChild<SequenceDialog *>(u"sequenceDialog"_s);
        QVERIFY(sequence);
        SequenceStepSpec step;
        step.message = s;
        step.delayAfterMs = 0;
        got.clear();
        for (int run = 0; run < 2; ++run) {
            QTRY_VERIFY(!sequence->isRunning());
            emit sequence->runRequested({step, step}, 1);
            const QByteArray want = run == 0 ? "n=1;n=2;" : "n=1;n=2;n=3;n=4;";
            QTRY_COMPARE((got += c.readAll()), want);
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_WindowParts)
#include "tst_windowparts.moc"
