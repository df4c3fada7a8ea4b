#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;
class QSettings;

namespace usher::app {

// Languages the app is translated into, as ISO 639-1 codes; English is the source language.
QStringList availableLanguages();

// The setting "ui/language" when it names an available language, else the system locale's
// language when the app has it, else English.
QString chosenLanguage(const QSettings& settings);

// Makes the app speak `language`: installs its translation (and Qt's own, for standard buttons and
// dialogs, where the system has it) and sets the default locale, so dates, times and money are
// written the way that language writes them. False when there is no such translation.
bool installTranslations(QCoreApplication& app, const QString& language);

} // namespace usher::app
