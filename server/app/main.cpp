#include "common/version.h"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"usher-server: Usher's inventory server"};
    app.set_version_flag("--version", std::string("usher-server ") + usher::kVersion);
    CLI11_PARSE(app, argc, argv);

    std::cerr << "usher-server: nothing to serve yet; see the issue tracker for the server issue\n";
    return 0;
}
