import { defineMessages } from '../define';

/** Messages of the elevation (DEM) import and delineation; codes are 'dem.<key>'. */
export const dem = defineMessages(
  {
    notTiff: 'This file is not a GeoTIFF image. Choose an elevation model saved as .tif.',
    multiBand:
      'This image has {bands} bands (such as a colour photo or satellite image). An elevation model has a single band of heights.',
    notElevation: 'This image holds colours, not heights. Choose an elevation model (DEM).',
    missingGeotransform:
      'This image does not say where it is on the Earth (no georeferencing). Export it again as a GeoTIFF with its location.',
    rotatedGrid: 'This elevation model is rotated. Only north-up grids can be used; re-project it first.',
    missingCrs: 'This image does not say which coordinate system it uses. Export it in WGS 84 (EPSG:4326) or UTM.',
    unsupportedCrs:
      'The coordinate system {crs} is not supported. Use geographic WGS 84 (EPSG:4326), NAD83 (4269), SIRGAS 2000 (4674), or a UTM zone in WGS 84, NAD83 or SIRGAS 2000.',
    emptyRaster: 'The elevation model has no cells with data.',
    outletOutside: 'The outlet point ({lon}, {lat}) falls outside the elevation model or on a cell without data.',
    badThreshold: 'The stream threshold {value} is not valid: it must be a number greater than zero.',
  },
  {
    notTiff: 'Este archivo no es una imagen GeoTIFF. Elija un modelo de elevación guardado como .tif.',
    multiBand:
      'Esta imagen tiene {bands} bandas (como una foto a color o una imagen de satélite). Un modelo de elevación tiene una sola banda con las alturas.',
    notElevation: 'Esta imagen tiene colores, no alturas. Elija un modelo digital de elevación (MDE).',
    missingGeotransform:
      'Esta imagen no dice en qué lugar de la Tierra está (no está georreferenciada). Expórtela de nuevo como GeoTIFF con su ubicación.',
    rotatedGrid:
      'Este modelo de elevación está girado. Solo se pueden usar grillas orientadas al norte; reproyéctelo primero.',
    missingCrs: 'Esta imagen no dice qué sistema de coordenadas usa. Expórtela en WGS 84 (EPSG:4326) o en UTM.',
    unsupportedCrs:
      'El sistema de coordenadas {crs} no es compatible. Use coordenadas geográficas WGS 84 (EPSG:4326), NAD83 (4269), SIRGAS 2000 (4674) o una zona UTM en WGS 84, NAD83 o SIRGAS 2000.',
    emptyRaster: 'El modelo de elevación no tiene celdas con datos.',
    outletOutside: 'El punto de salida ({lon}, {lat}) queda fuera del modelo de elevación o en una celda sin datos.',
    badThreshold: 'El umbral de cauces {value} no es válido: debe ser un número mayor que cero.',
  },
  {
    notTiff: 'Este arquivo não é uma imagem GeoTIFF. Escolha um modelo de elevação salvo como .tif.',
    multiBand:
      'Esta imagem tem {bands} bandas (como uma foto colorida ou imagem de satélite). Um modelo de elevação tem uma única banda com as altitudes.',
    notElevation: 'Esta imagem tem cores, não altitudes. Escolha um modelo digital de elevação (MDE).',
    missingGeotransform:
      'Esta imagem não diz em que lugar da Terra ela fica (não está georreferenciada). Exporte de novo como GeoTIFF com a localização.',
    rotatedGrid:
      'Este modelo de elevação está girado. Só dá para usar grades orientadas para o norte; reprojete primeiro.',
    missingCrs: 'Esta imagem não diz qual sistema de coordenadas usa. Exporte em WGS 84 (EPSG:4326) ou em UTM.',
    unsupportedCrs:
      'O sistema de coordenadas {crs} não é aceito. Use coordenadas geográficas WGS 84 (EPSG:4326), NAD83 (4269), SIRGAS 2000 (4674) ou uma zona UTM em WGS 84, NAD83 ou SIRGAS 2000.',
    emptyRaster: 'O modelo de elevação não tem células com dados.',
    outletOutside: 'O ponto de saída ({lon}, {lat}) fica fora do modelo de elevação ou numa célula sem dados.',
    badThreshold: 'O limiar de cursos d’água {value} não é válido: precisa ser um número maior que zero.',
  },
);
