#include "client-qt/app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace usher::app {

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString chosenLanguage(const QSettings& settings) {
    const QString setting = settings.value(QStringLiteral("ui/language")).toString();
    if (availableLanguages().contains(setting)) {
        return setting;
    }
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return availableLanguages().contains(system) ? system : QStringLiteral("en");
}

bool installTranslations(QCoreApplication& app, const QString& language) {
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::system().territory()));
        return true;
    }
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/usher_%1.qm").arg(language))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    // The system's territory with the chosen language (German in Austria writes dates as Austrians do).
    QLocale::setDefault(QLocale(QLocale(language).language(), QLocale::system().territory()));
    return true;
}

} // namespace usher::app
