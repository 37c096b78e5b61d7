precis: settings.xml: cannot open: No such file or directory
