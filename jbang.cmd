@echo off
rem Runs JBang for this repository, in the spirit of mvnw.cmd (an installed jbang, else one fetched through the
rem Maven Wrapper). This file only starts the launcher, launcher\src\main\java\dev\micrograd\launcher\Launcher.java,
rem which holds the logic and its tests; ./jbang does the same on Linux and macOS.
rem
rem   jbang.cmd ch01              run chapter 1 (aliases are in jbang-catalog.json beside this file)
rem   jbang.cmd ch03 --out out    write the chapter's outputs under .\out
rem
rem Environment: JAVA_HOME picks the JDK; JBANG_JAVA_OPTIONS are JVM options for JBang itself;
rem XDG_CACHE_HOME moves the caches (default %LOCALAPPDATA%\micrograd-java).
setlocal
set "MICROGRAD_JAVA=java"
if defined JAVA_HOME set "MICROGRAD_JAVA=%JAVA_HOME%\bin\java.exe"
set "MICROGRAD_LAUNCHER=%~dp0.mvn\jbang\launcher"

rem UTF-8 in the console while the script runs, so that its output shows every character; restored after.
set "MICROGRAD_CODEPAGE="
for /f "tokens=2 delims=:." %%G in ('chcp') do set /a "MICROGRAD_CODEPAGE=%%G" 2>nul
chcp 65001 >nul 2>&1

rem The same options as Launcher.LAUNCHER_JVM_OPTIONS.
if not exist "%MICROGRAD_LAUNCHER%\dev\micrograd\launcher\Launcher.class" goto fromSource
"%MICROGRAD_JAVA%" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow -classpath "%MICROGRAD_LAUNCHER%" dev.micrograd.launcher.Launcher "%~f0" %*
goto done
:fromSource
"%MICROGRAD_JAVA%" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow "%~dp0launcher\src\main\java\dev\micrograd\launcher\Launcher.java" "%~f0" %*
:done
set "MICROGRAD_EXIT=%ERRORLEVEL%"
if defined MICROGRAD_CODEPAGE chcp %MICROGRAD_CODEPAGE% >nul 2>&1
endlocal & exit /b %MICROGRAD_EXIT%
