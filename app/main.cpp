#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockScope"));
    QApplication::setOrganizationName(QStringLiteral("SockScope"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKSCOPE_VERSION));

    sockscope::MainWindow window;
    window.show();
    return QApplication::exec();
}
