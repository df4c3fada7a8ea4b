#include "tests/client-qt/support/running_server.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace usher::testing {

namespace {

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// GET /health/ready answered 200.
bool ready(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(500)) {
        return false;
    }
    socket.write("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (!socket.waitForReadyRead(2000)) {
        return false;
    }
    return socket.readLine().startsWith("HTTP/1.1 200");
}

} // namespace

std::unique_ptr<RunningServer> RunningServer::create(QString& error) {
    auto database = TestDatabase::create();
    if (!database) {
        error = QString::fromStdString(database.error());
        return nullptr;
    }
    std::unique_ptr<RunningServer> server(new RunningServer(std::move(*database), freePort()));
    if (!server->start(error)) {
        return nullptr;
    }
    return server;
}

RunningServer::RunningServer(TestDatabase database, quint16 port)
    : m_database(std::move(database)), m_port(port), m_dataDir(std::make_unique<QTemporaryDir>()) {}

RunningServer::~RunningServer() {
    stop();
}

QUrl RunningServer::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool RunningServer::start(QString& error) {
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("USHER_DEMO_PASSWORD"), QString::fromLatin1(kDemoPassword));
    environment.insert(QStringLiteral("USHER_LOG_LEVEL"), QStringLiteral("warn"));
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->start(QStringLiteral(USHER_SERVER_BIN),
                     {QStringLiteral("--database"), QString::fromStdString(m_database.url()),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                      QStringLiteral("--data-dir"), m_dataDir->path(), QStringLiteral("--demo-data")});
    if (!m_process->waitForStarted(10000)) {
        error = QStringLiteral("usher-server did not start: ") + m_process->errorString();
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 120000) {
        if (m_process->state() != QProcess::Running) {
            error = QStringLiteral("usher-server exited during start-up");
            return false;
        }
        if (ready(m_port)) {
            return true;
        }
        QThread::msleep(100);
    }
    error = QStringLiteral("usher-server was not ready after 120 s");
    return false;
}

void RunningServer::stop() {
    if (m_process && m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

} // namespace usher::testing
