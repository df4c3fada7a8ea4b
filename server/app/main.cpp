#include "common/version.h"
#include "server/app/config.h"
#include "server/app/server_app.h"
#include "server/observability/log.h"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
    using namespace usher::server;
    CLI::App cli{"usher-server: Usher's inventory server (REST API, staff WebSocket, PostgreSQL inventory)"};
    cli.set_version_flag("--version", std::string("usher-server ") + usher::kVersion);
    app::ConfigOptions options(cli);
    CLI11_PARSE(cli, argc, argv);

    auto config = options.finish();
    if (!config) {
        std::cerr << "usher-server: " << config.error() << "\n";
        return 2;
    }
    auto level = observability::parseLogLevel(config->logLevel);
    observability::initLogging(level ? *level : observability::LogLevel::Info);
    try {
        app::ServerApp server(std::move(config.value()), {.console = &std::cout});
        server.start();
        return server.runUntilSignalled();
    } catch (const std::exception& error) {
        observability::logError("usher-server cannot start", {{"error", error.what()}});
        std::cerr << "usher-server: " << error.what() << "\n";
        return 1;
    }
}
