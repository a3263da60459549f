from pvclean.cli import main

main()
