// Session tab state that the window tests do not cover: splitter sizes survive save/restore.
#include "ui/sendhistory.h"
#include "ui/sendpanel.h"
#include "ui/sessiontab.h"

#include "core/message/message.h"

#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;
using namespace Qt::StringLiterals;

class tst_SessionTab : public QObject
{
    Q_OBJECT

private slots:
    void splitterSizesPersist()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"tab.ini"_s), QSettings::IniFormat);
        QList<int> saved;
        {
            SessionTab tab(Session::Mode::TcpServer);
            tab.resize(1200, 800);
            tab.show();
            QVERIFY(QTest::qWaitForWindowExposed(&tab));
            auto *split = tab.findChild<QSplitter *>(u"peerSplitter"_s);
            QVERIFY(split);
            split->setSizes({400, 780});
            saved = split->sizes();
            QVERIFY(saved.first() >= 380); // the sizes really changed from the default 260
            settings.beginGroup(u"t"_s);
            tab.saveState(settings);
            settings.endGroup();
        }
        SessionTab again(Session::Mode::TcpServer);
        again.resize(1200, 800);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto *split = again.findChild<QSplitter *>(u"peerSplitter"_s);
        QVERIFY(split->sizes() != saved);
        settings.beginGroup(u"t"_s);
        again.restoreState(settings);
        settings.endGroup();
        QCOMPARE(split->sizes(), saved);
    }

    void historyAndPresetsPersist()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"tab.ini"_s), QSettings::IniFormat);
        MessageSpec a;
        a.content = u"hello"_s;
        MessageSpec b;
        b.format = MessageFormat::Hex;
        b.content = u"01 03 00 00"_s;
        {
            SessionTab tab(Session::Mode::TcpClient);
            tab.sendPanel()->addToHistory(a);
            tab.sendPanel()->addToHistory(b);
            tab.sendPanel()->setSpec(b);
            tab.sendPanel()->addCurrentAsPreset(u"modbus read"_s);
            settings.beginGroup(u"t"_s);
            tab.saveState(settings);
            settings.endGroup();
        }
        SessionTab again(Session::Mode::TcpClient);
        QCOMPARE(again.sendPanel()->historyModel()->rowCount(), 0);
        settings.beginGroup(u"t"_s);
        again.restoreState(settings);
        settings.endGroup();
        const SendHistoryModel *history = again.sendPanel()->historyModel();
        QCOMPARE(history->rowCount(), 2);
        QCOMPARE(history->spec(0), b); // most recent first
        QCOMPARE(history->spec(1), a);
        QCOMPARE(again.sendPanel()->presetModel()->rowCount(), 1);
        QCOMPARE(again.sendPanel()->presetModel()->spec(0), b);
    }
};

QTEST_MAIN(tst_SessionTab)
#include "tst_sessiontab.moc"
