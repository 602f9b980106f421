// The Värn tablet app.
//
//   varn [--store FILE] [--server URL] [--instruments DIR] [--lang sv|en] [--wipe-after N]
//
// With no store at FILE it offers to create one, then enrolment. The
// passphrase is only ever typed on the lock screen: there is deliberately no
// environment variable or option for it, so it never lands in a shell
// history, a process list or a launcher file.
#include <sys/resource.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QStandardPaths>
#include <QUrl>
#include <cstdio>

#include "app_context.hpp"
#include "language.hpp"
#include "varn/store/local_store.hpp"

namespace {

// Core dumps would hold plaintext and keys: none are written.
void disable_core_dumps() {
  rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
}

QString default_store_path() {
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(dir);
  // The store refuses a folder others may write (a planted link, a swapped key file).
  QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
  return dir + QStringLiteral("/varn.db");
}

}  // namespace

int main(int argc, char** argv) {
  disable_core_dumps();
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName(QStringLiteral("varn"));
  QGuiApplication::setApplicationVersion(QStringLiteral(VARN_VERSION));
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Värn: field notes against violence in close relationships"));
  parser.addVersionOption();
  parser.addHelpOption();
  const QCommandLineOption store_opt(QStringLiteral("store"), QStringLiteral("The encrypted store file."),
                                     QStringLiteral("FILE"), default_store_path());
  const QCommandLineOption server_opt(QStringLiteral("server"), QStringLiteral("The server, e.g. https://host:8443."),
                                      QStringLiteral("URL"));
  const QCommandLineOption instruments_opt(QStringLiteral("instruments"),
                                           QStringLiteral("Folder with assessment instrument JSON files."),
                                           QStringLiteral("DIR"));
  const QCommandLineOption lang_opt(QStringLiteral("lang"), QStringLiteral("UI language: sv (default) or en."),
                                    QStringLiteral("LANG"));
  const QCommandLineOption wipe_opt(
      QStringLiteral("wipe-after"),
      QStringLiteral("A new store is wiped after this many wrong passphrases in a row (1-1000, default %1).")
          .arg(varn::store::kDefaultWipeAfterFailedUnlocks),
      QStringLiteral("N"), QString::number(varn::store::kDefaultWipeAfterFailedUnlocks));
  parser.addOptions({store_opt, server_opt, instruments_opt, lang_opt, wipe_opt});
  parser.process(app);
  bool wipe_ok = false;
  const int wipe_after = parser.value(wipe_opt).toInt(&wipe_ok);
  if (!wipe_ok || wipe_after < 1 || wipe_after > 1000) {
    std::fprintf(stderr, "varn: --wipe-after wants a number from 1 to 1000\n");
    return 2;
  }

  const varn::ui::Language language(parser.isSet(lang_opt) ? parser.value(lang_opt) : QStringLiteral("sv"));

  varn::ui::AppContext::use_touch_style();
  varn::ui::AppOptions options;
  options.store_path = parser.value(store_opt);
  options.server_url = parser.value(server_opt);
  options.instruments_dir = parser.value(instruments_opt);
  options.wipe_after_failed_unlocks = wipe_after;
  varn::ui::AppContext context(std::move(options));

  QQmlApplicationEngine engine;
  varn::ui::AppContext::prepare_engine(engine);
  engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Varn/Main.qml")));
  if (engine.rootObjects().isEmpty()) return 1;
  return QGuiApplication::exec();
}
