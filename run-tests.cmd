@echo off
rem Runs every test of the project on Windows, as ./run-tests does elsewhere, and ends with
rem "N passed, N failed, N skipped", marked partial when the build stopped early. The browser tests need Chrome and
rem a chromedriver of the same version on the PATH (or CHROME and CHROMEDRIVER set to them); a message says so when
rem they are missing.
setlocal
cd /d "%~dp0"
set "MICROGRAD_JAVA=java"
if defined JAVA_HOME set "MICROGRAD_JAVA=%JAVA_HOME%\bin\java.exe"
"%MICROGRAD_JAVA%" launcher\src\main\java\dev\micrograd\launcher\Bootstrap.java Ci browser
if errorlevel 1 goto done
"%MICROGRAD_JAVA%" launcher\src\main\java\dev\micrograd\launcher\Bootstrap.java Ci test %*
:done
set "MICROGRAD_STATUS=%ERRORLEVEL%"
endlocal & exit /b %MICROGRAD_STATUS%
