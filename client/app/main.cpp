// The Värn tablet app.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>

#include <cstdio>

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName(QStringLiteral("varn"));
  QGuiApplication::setApplicationVersion(QStringLiteral(VARN_VERSION));
  QCommandLineParser parser;
  parser.addVersionOption();
  parser.addHelpOption();
  parser.process(app);

  QQmlApplicationEngine engine;
  engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Varn/Main.qml")));
  if (engine.rootObjects().isEmpty()) return 1;
  return QGuiApplication::exec();
}
