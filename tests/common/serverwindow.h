// The fixture of window-level tests that check which peers received what: a real
// MainWindow (1280x800, its own settings file) whose first tab, a TCP server, is started
// on 127.0.0.1 through its widgets, and clients connected to it.
#pragma once

#include "ui/appsettings.h"
#include "guiactions.h"
#include "eventloop.h"
#include "loopback.h"
#include "ui/mainwindow.h"
#include "ui/sessiontab.h"

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace sockscope::test {

class ServerWindow
{
protected:
    // Call from the test's init() / cleanup().
    void setUpWindow()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings =
            std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("sockscope.ini")));
        m_window = std::make_unique<MainWindow>(m_settings.get());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->sessionTabs()->setCurrentIndex(0);
        QCOMPARE(server()->mode(), Session::Mode::TcpServer);
    }
    void tearDownWindow()
    {
        m_clients.clear();
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    SessionTab *server() const
    {
        auto *t = qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(0));
        if (!t)
            qFatal("no session tab 0");
        return t;
    }
    template <typename T>
    T *child(QObject *parent, const char *name) const
    {
        T *w = parent->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    template <typename T>
    T *child(const char *name) const
    {
        return child<T>(server(), name);
    }

    // Starts the server tab on 127.0.0.1, any port (use with SOCKSCOPE_REQUIRE); m_port is
    // the port it listens on.
    void startServer()
    {
        m_port = startServerInTab(server());
        QVERIFY(m_port != 0);
    }

    // A client the server has accepted (it is in the peer list), or nullptr.
    QTcpSocket *connectClient()
    {
        const int before = server()->session()->openPeerCount();
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(kLoopback, m_port);
        if (!socket->waitForConnected(3000))
            return nullptr;
        if (!waitUntil([&] { return server()->session()->openPeerCount() == before + 1; }))
            return nullptr;
        m_clients.push_back(std::move(socket));
        return m_clients.back().get();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QTcpSocket>> m_clients;
    quint16 m_port = 0;
};

} // namespace sockscope::test
