@echo off
rem Runs JBang for this repository, in the spirit of mvnw.cmd (an installed jbang, else one fetched through the
rem Maven Wrapper). This file only starts the launcher, the package launcher\src\main\java\dev\micrograd\launcher\,
rem which holds the logic and its tests: Bootstrap.java compiles it into .mvn\jbang\launcher on first use and starts
rem Launcher.java. ./jbang does the same on Linux and macOS.
rem
rem   jbang.cmd                   list the chapters, exercise sets and tools (aliases in jbang-catalog.json)
rem   jbang.cmd ch01              run chapter 1
rem   jbang.cmd ch03 --out out    write the chapter's outputs under .\out
rem
rem Environment: JAVA_HOME picks the JDK; JBANG_JAVA_OPTIONS are JVM options for JBang itself;
rem XDG_CACHE_HOME moves the caches (default %LOCALAPPDATA%\micrograd-java); MICROGRAD_JBANG_FORK=1 runs every
rem script in a JVM of its own, as JBang would, instead of in the launcher's JVM when that JVM can run it.
setlocal
set "MICROGRAD_JAVA=java"
if defined JAVA_HOME set "MICROGRAD_JAVA=%JAVA_HOME%\bin\java.exe"
set "MICROGRAD_LAUNCHER=%~dp0.mvn\jbang\launcher"

rem UTF-8 in the console while the script runs, so that its output shows every character; restored after.
set "MICROGRAD_CODEPAGE="
for /f "tokens=2 delims=:." %%G in ('chcp') do set /a "MICROGRAD_CODEPAGE=%%G" 2>nul
chcp 65001 >nul 2>&1

rem The same options as Launcher.LAUNCHER_JVM_OPTIONS.
if not exist "%MICROGRAD_LAUNCHER%\dev\micrograd\launcher\Bootstrap.class" goto fromSource
"%MICROGRAD_JAVA%" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow -classpath "%MICROGRAD_LAUNCHER%" dev.micrograd.launcher.Bootstrap Launcher "%~f0" %*
goto done
:fromSource
"%MICROGRAD_JAVA%" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow "%~dp0launcher\src\main\java\dev\micrograd\launcher\Bootstrap.java" Launcher "%~f0" %*
:done
set "MICROGRAD_EXIT=%ERRORLEVEL%"
if defined MICROGRAD_CODEPAGE chcp %MICROGRAD_CODEPAGE% >nul 2>&1
endlocal & exit /b %MICROGRAD_EXIT%
