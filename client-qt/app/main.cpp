#include "common/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>
#include <QMainWindow>

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("Usher"));
    QCoreApplication::setApplicationName(QStringLiteral("usher-boxoffice"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(usher::kVersion));
}

// --version and --help must work on a machine with no display, so the command line is read by a
// QCoreApplication before the GUI application (which needs a platform plugin) exists.
void handleInformationalOptions(int argc, char** argv) {
    QCoreApplication cli(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Usher box office: walk-up sales at the counter"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(cli);
}

} // namespace

int main(int argc, char** argv) {
    handleInformationalOptions(argc, argv);

    QApplication app(argc, argv);
    describeApplication();

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Usher Box Office"));
    window.setCentralWidget(new QLabel(QObject::tr("Usher Box Office %1").arg(app.applicationVersion())));
    window.resize(1024, 700);
    window.show();
    return app.exec();
}
