// The window follows the system locale: started under LANG=zh_CN.UTF-8 with no
// language chosen, the key labels are Chinese (Qt's own strings too).
#include "ui/appsettings.h"
#include "ui/languages.h"
#include "ui/mainwindow.h"
#include "ui/sessiontab.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;
using namespace Qt::StringLiterals;

class tst_SystemLocale : public QObject
{
    Q_OBJECT

private slots:
    void chineseFromTheEnvironment()
    {
        // What the user's session says, not what the test installs.
        QCOMPARE(QLocale::system().name(), u"zh_CN"_s);
        const QLocale used = installTranslators(*qApp, QString());
        QCOMPARE(used.name(), u"zh_CN"_s);

        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"s.ini"_s));
        MainWindow window(&settings);
        QTabWidget *tabs = window.sessionTabs();
        QVERIFY(tabs->tabText(0).startsWith(u"TCP 服务端"_s));
        auto *server = qobject_cast<SessionTab *>(tabs->widget(0));
        auto *listen = server->findChild<QPushButton *>(u"startButton"_s);
        QVERIFY(listen);
        QCOMPARE(listen->text(), u"监听"_s);
        QCOMPARE(window.menuBar()->actions().first()->text(), u"文件(&F)"_s);
        // Qt's own strings come from qtbase_zh_CN.
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"取消"_s);
    }
};

int main(int argc, char *argv[])
{
    // Before QApplication exists, as a login session would set them.
    qputenv("LC_ALL", "zh_CN.UTF-8");
    qputenv("LANG", "zh_CN.UTF-8");
    qputenv("LANGUAGE", "zh_CN");
    QApplication app(argc, argv);
    tst_SystemLocale test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_systemlocale.moc"
